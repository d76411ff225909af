package dev.restgate.lambda.internal.sdk;

import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Invokes functions through the Lambda API ({@code RequestResponse}) with the AWS SDK: AWS itself, or any endpoint
 * that speaks the Invoke API. Function errors are results; failures to invoke are {@link LambdaInvokeException}s.
 * Thread-safe; owns its client.
 */
public final class SdkLambdaInvoker implements LambdaInvoker, AutoCloseable {
  private final LambdaClient client;
  private final AwsCredentialsProvider credentials;

  /** An invoker owning {@code client} and {@code credentials}: {@link #close} releases both. */
  SdkLambdaInvoker(LambdaClient client, AwsCredentialsProvider credentials) {
    this.client = client;
    this.credentials = credentials;
  }

  @Override
  public Result invoke(Invocation invocation) throws LambdaInvokeException {
    InvokeRequest.Builder request = InvokeRequest.builder()
        .functionName(invocation.function())
        .qualifier(invocation.qualifier())
        .invocationType(InvocationType.REQUEST_RESPONSE)
        .payload(SdkBytes.fromByteArrayUnsafe(invocation.payload()));
    if (invocation.timeout() != null) {
      request.overrideConfiguration(c -> c.apiCallTimeout(invocation.timeout()));
    }
    InvokeResponse response;
    try {
      response = client.invoke(request.build());
    } catch (SdkException e) {
      throw SdkErrors.toInvokeException(invocation.function(), e);
    }
    byte[] payload = response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
    return new Result(payload, response.functionError(), response.executedVersion(), response.logResult());
  }

  @Override
  public void invokeAsync(Invocation invocation) throws LambdaInvokeException {
    InvokeRequest request = InvokeRequest.builder()
        .functionName(invocation.function())
        .qualifier(invocation.qualifier())
        .invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromByteArrayUnsafe(invocation.payload()))
        .build();
    try {
      client.invoke(request);
    } catch (SdkException e) {
      throw SdkErrors.toInvokeException(invocation.function(), e);
    }
  }

  @Override
  public void close() {
    client.close();
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }
}
