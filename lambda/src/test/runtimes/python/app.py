import json
import os


def handler(event, context):
    print("python handler for", context.aws_request_id)
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({
            "path": event.get("path"),
            "table": os.environ.get("TABLE_NAME"),
            "function": context.function_name,
        }),
    }


def failing(event, context):
    raise ValueError("boom " + str(event.get("n")))


def context_report(event, context):
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "remaining": context.get_remaining_time_in_millis(),
        "trace_id": os.environ.get("_X_AMZN_TRACE_ID"),
        "client_context": None if context.client_context is None else context.client_context.custom,
    }
