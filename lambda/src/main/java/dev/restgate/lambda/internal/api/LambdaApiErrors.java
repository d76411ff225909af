package dev.restgate.lambda.internal.api;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.Json;

/** The error responses of the Lambda API, shaped as AWS sends them: {@code x-amzn-ErrorType} and a JSON body. */
final class LambdaApiErrors {
  private LambdaApiErrors() {}

  static GatewayResponse resourceNotFound(String message) {
    return user(404, "ResourceNotFoundException", message);
  }

  static GatewayResponse invalidRequestContent(String message) {
    return user(400, "InvalidRequestContentException", message);
  }

  static GatewayResponse invalidParameterValue(String message) {
    return user(400, "InvalidParameterValueException", message);
  }

  static GatewayResponse requestTooLarge(int limit) {
    return user(413, "RequestTooLargeException",
        "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
  }

  static GatewayResponse unknownOperation() {
    return user(404, "UnknownOperationException", "Unknown operation");
  }

  static GatewayResponse tooManyRequests() {
    return response(429, "TooManyRequestsException",
        "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":"
            + Json.quote("Rate Exceeded.") + "}");
  }

  static GatewayResponse serviceError() {
    return response(500, "ServiceException", "{\"Type\":\"Service\",\"message\":null}");
  }

  /**
   * A call whose signature or permissions were refused. Lambda words an access denial with a capital {@code Message},
   * as IAM does; signature errors carry {@code message}.
   */
  static GatewayResponse refused(CallRefusal refusal) {
    String key = "AccessDeniedException".equals(refusal.errorType()) ? "Message" : "message";
    return response(refusal.status(), refusal.errorType(),
        "{\"" + key + "\":" + Json.quote(refusal.message()) + "}");
  }

  /** A request parameter broke the API model's constraints; the message follows AWS's validation wording. */
  static GatewayResponse validation(String field, String value, String constraint) {
    String message = "1 validation error detected: Value '" + value + "' at '" + field
        + "' failed to satisfy constraint: " + constraint;
    return response(400, "ValidationException", "{\"message\":" + Json.quote(message) + "}");
  }

  private static GatewayResponse user(int status, String type, String message) {
    return response(status, type, "{\"Type\":\"User\",\"message\":" + Json.quote(message) + "}");
  }

  private static GatewayResponse response(int status, String type, String json) {
    GatewayResponse response = GatewayResponse.json(status, json);
    response.headers().add("x-amzn-ErrorType", type);
    return response;
  }
}
