package dev.restgate.lambda.internal.sdk;

import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Maps what the AWS SDK throws for an {@code Invoke} to the gateway's {@link Reason}s. */
final class SdkErrors {
  private SdkErrors() {}

  static LambdaInvokeException toInvokeException(String function, SdkException error) {
    return new LambdaInvokeException(reason(error), "invoking " + function + " failed: " + error.getMessage(), error);
  }

  static Reason reason(SdkException error) {
    if (error instanceof ResourceNotFoundException) {
      return Reason.FUNCTION_NOT_FOUND;
    }
    if (error instanceof TooManyRequestsException) {
      return Reason.THROTTLED;
    }
    if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException
        || causedBy(error, SocketTimeoutException.class)) {
      return Reason.TIMEOUT;
    }
    if (error instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      if (service.statusCode() == 403 || code != null && (code.contains("AccessDenied") || code.contains("Forbidden"))) {
        return Reason.ACCESS_DENIED;
      }
      if (service.statusCode() == 429) {
        return Reason.THROTTLED;
      }
    }
    return Reason.SERVICE_ERROR;
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
