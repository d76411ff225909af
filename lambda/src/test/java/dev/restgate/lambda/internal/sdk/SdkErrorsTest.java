package dev.restgate.lambda.internal.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.spi.LambdaInvokeException.Reason;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class SdkErrorsTest {

  @Test
  void missingFunctionIsFunctionNotFound() {
    assertThat(SdkErrors.reason(ResourceNotFoundException.builder().statusCode(404).build()))
        .isEqualTo(Reason.FUNCTION_NOT_FOUND);
  }

  @Test
  void tooManyRequestsIsThrottled() {
    assertThat(SdkErrors.reason(TooManyRequestsException.builder().statusCode(429).build()))
        .isEqualTo(Reason.THROTTLED);
  }

  @Test
  void forbiddenAndAccessDeniedAreAccessDenied() {
    assertThat(SdkErrors.reason(LambdaException.builder().statusCode(403).build())).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(SdkErrors.reason(LambdaException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build()))
        .isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void callAndSocketTimeoutsAreTimeouts() {
    assertThat(SdkErrors.reason(ApiCallTimeoutException.create(100))).isEqualTo(Reason.TIMEOUT);
    assertThat(SdkErrors.reason(ApiCallAttemptTimeoutException.create(100))).isEqualTo(Reason.TIMEOUT);
    assertThat(SdkErrors.reason(SdkClientException.create("read", new SocketTimeoutException("Read timed out"))))
        .isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void anythingElseIsAServiceError() {
    assertThat(SdkErrors.reason(ServiceException.builder().statusCode(500).build())).isEqualTo(Reason.SERVICE_ERROR);
    assertThat(SdkErrors.reason(SdkClientException.create("Connection refused"))).isEqualTo(Reason.SERVICE_ERROR);
  }
}
