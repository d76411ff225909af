"""The gateway's Lambda Runtime API client for Python functions, used when awslambdaric cannot be imported.

Standard library only. Loads module.function from the task root, then serves invocations one at a time, with the
context, error documents and log format of AWS's awslambdaric.
"""
import decimal
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API = "/2018-06-01/runtime"


class Fault(Exception):
    def __init__(self, error_type, message, stack_trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.stack_trace = stack_trace or []


class CognitoIdentity:
    def __init__(self, identity):
        self.cognito_identity_id = identity.get("cognitoIdentityId")
        self.cognito_identity_pool_id = identity.get("cognitoIdentityPoolId")


class Client:
    def __init__(self, client):
        for name in ("installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name"):
            setattr(self, name, client.get(name))


class ClientContext:
    def __init__(self, context):
        self.client = Client(context["client"]) if context.get("client") is not None else None
        self.custom = context.get("custom")
        self.env = context.get("env")


class LambdaContext:
    def __init__(self, request_id, invoked_function_arn, deadline_ms, identity, client_context):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.identity = CognitoIdentity(identity or {})
        self.client_context = ClientContext(client_context) if client_context is not None else None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))

    def log(self, message):
        sys.stdout.write(str(message))


class RequestIdFilter(logging.Filter):
    request_id = None

    def filter(self, record):
        record.aws_request_id = RequestIdFilter.request_id
        return True


def call(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(os.environ["AWS_LAMBDA_RUNTIME_API"])
    try:
        connection.request(method, API + path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def error_document(error_type, message, stack_trace, request_id=""):
    return {"errorMessage": message or "", "errorType": error_type or "", "requestId": request_id,
            "stackTrace": stack_trace or []}


def exception_document(error, request_id):
    frames = traceback.extract_tb(error.__traceback__)
    # The bootstrap's own frames come first; AWS's stack traces start in the function's code.
    while frames and frames[0].filename == __file__:
        frames = traceback.StackSummary.from_list(frames[1:])
    return error_document(type(error).__name__, str(error), traceback.format_list(frames), request_id)


def log_error(document):
    lines = ["[ERROR] " + document["errorType"] + ": " + document["errorMessage"], "Traceback (most recent call last):"]
    for element in document["stackTrace"]:
        lines.extend(element.splitlines())
    # '\r' keeps the entry one log line, as the gateway joins it back (AWS's runtimes do the same for CloudWatch).
    sys.stdout.write("\r".join(lines) + "\n")


def load_handler(handler):
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as e:
        raise Fault("Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(handler, e))
    try:
        if module_name.split(".")[0] in sys.builtin_module_names:
            raise Fault("Runtime.BuiltInModuleConflict",
                        "Cannot use built-in module {} as a handler module".format(module_name))
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise Fault("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(module_name, e))
    except SyntaxError as e:
        raise Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(module_name, e),
                    ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)])
    function = getattr(module, function_name, None)
    if function is None:
        # As awslambdaric does: the init succeeds, and every invocation fails saying so.
        def missing(event, context):
            raise Fault("Runtime.HandlerNotFound",
                        "Handler '{}' missing on module '{}'".format(function_name, module_name))
        return missing
    return function


def decimal_to_float(value):
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError(repr(value) + " is not JSON serializable")


def invoke(handler, headers, body):
    request_id = headers["lambda-runtime-aws-request-id"]
    RequestIdFilter.request_id = request_id
    if "lambda-runtime-trace-id" in headers:
        os.environ["_X_AMZN_TRACE_ID"] = headers["lambda-runtime-trace-id"]
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    try:
        try:
            event = json.loads(body) if body else {}
        except ValueError as e:
            raise Fault("Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(e))
        client_context = headers.get("lambda-runtime-client-context")
        identity = headers.get("lambda-runtime-cognito-identity")
        context = LambdaContext(request_id, headers.get("lambda-runtime-invoked-function-arn"),
                                int(headers.get("lambda-runtime-deadline-ms", "0")),
                                json.loads(identity) if identity else None,
                                json.loads(client_context) if client_context else None)
        result = handler(event, context)
        try:
            payload = json.dumps(result, default=decimal_to_float)
        except Exception as e:
            raise Fault("Runtime.MarshalError", "Unable to marshal response: {}".format(e))
        call("POST", "/invocation/" + request_id + "/response", payload.encode("utf-8"),
             {"Content-Type": "application/json"})
    except Fault as fault:
        post_error(request_id, error_document(fault.error_type, fault.message, fault.stack_trace, request_id))
    except Exception as error:
        post_error(request_id, exception_document(error, request_id))


def post_error(request_id, document):
    log_error(document)
    call("POST", "/invocation/" + request_id + "/error", json.dumps(document).encode("utf-8"),
         {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": document["errorType"]})


def main():
    # The script's own directory is no place to import a function's modules from; the task root is.
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    sys.path[0] = task_root
    handler_name = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("_HANDLER", "")
    log_handler = logging.StreamHandler(sys.stdout)
    log_handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S"))
    log_handler.formatter.converter = time.gmtime
    log_handler.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(log_handler)
    try:
        handler = load_handler(handler_name)
    except Fault as fault:
        document = error_document(fault.error_type, fault.message, fault.stack_trace)
    except Exception as error:
        document = exception_document(error, "")
    else:
        document = None
    if document is not None:
        log_error(document)
        call("POST", "/init/error", json.dumps(document).encode("utf-8"),
             {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": document["errorType"]})
        sys.exit(1)
    while True:
        status, headers, body = call("GET", "/invocation/next")
        if status != 200:
            sys.exit(0)
        invoke(handler, {name.lower(): value for name, value in headers}, body)


if __name__ == "__main__":
    main()
