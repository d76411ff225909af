package dev.restgate.lambda.internal.sdk;

import dev.restgate.spi.Json;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import dev.restgate.spi.LambdaInvoker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.ResponseStreamingInvocationType;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Invokes functions through the Lambda API ({@code RequestResponse}) with the AWS SDK: AWS itself, or any endpoint
 * that speaks the Invoke API. Function errors are results; failures to invoke are {@link LambdaInvokeException}s.
 * Answers that stream ({@code InvokeWithResponseStream}) go through an async client, which exists only on
 * {@link LambdaAsyncClient}; it is built at the first streamed invocation, so gateways without streaming routes
 * start no event loop. Thread-safe; owns its clients.
 */
public final class SdkLambdaInvoker implements LambdaInvoker, AutoCloseable {
  /** How long a streamed invocation waits for its first event when the caller set no timeout. */
  private static final Duration DEFAULT_FIRST_EVENT_TIMEOUT = Duration.ofMinutes(15);

  private final LambdaClient client;
  private final Supplier<LambdaAsyncClient> asyncClientFactory;
  private final AwsCredentialsProvider credentials;
  private final Object asyncLock = new Object();
  private LambdaAsyncClient asyncClient;
  private boolean closed;

  /**
   * An invoker owning {@code client}, the async client {@code asyncClientFactory} builds when first needed, and
   * {@code credentials}: {@link #close} releases all three.
   */
  SdkLambdaInvoker(LambdaClient client, Supplier<LambdaAsyncClient> asyncClientFactory,
      AwsCredentialsProvider credentials) {
    this.client = client;
    this.asyncClientFactory = asyncClientFactory;
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

  /**
   * Invokes with Lambda's {@code InvokeWithResponseStream}: returns at the function's first event. A {@code
   * PayloadChunk} starts the payload, read as chunks arrive; an {@code InvokeComplete} with an {@code ErrorCode}
   * before any chunk is a function error whose payload is the error document; one after a chunk fails the read.
   * The caller's timeout bounds the whole call, the stream included.
   */
  @Override
  public Streamed invokeWithResponseStream(Invocation invocation) throws LambdaInvokeException {
    InvokeWithResponseStreamRequest.Builder request = InvokeWithResponseStreamRequest.builder()
        .functionName(invocation.function())
        .qualifier(invocation.qualifier())
        .invocationType(ResponseStreamingInvocationType.REQUEST_RESPONSE)
        .payload(SdkBytes.fromByteArrayUnsafe(invocation.payload()));
    if (invocation.timeout() != null) {
      request.overrideConfiguration(c -> c.apiCallTimeout(invocation.timeout()));
    }
    ResponseStreamHandoff handoff = new ResponseStreamHandoff();
    CompletableFuture<Void> call;
    try {
      call = asyncClient().invokeWithResponseStream(request.build(), handoff);
    } catch (SdkException e) {
      throw SdkErrors.toInvokeException(invocation.function(), e);
    }
    handoff.attach(call);
    Duration wait = invocation.timeout() != null ? invocation.timeout() : DEFAULT_FIRST_EVENT_TIMEOUT;
    Object first;
    try {
      first = handoff.first(wait.toMillis());
    } catch (SdkException e) {
      handoff.cancel();
      throw SdkErrors.toInvokeException(invocation.function(), e);
    } catch (InterruptedException e) {
      handoff.cancel();
      Thread.currentThread().interrupt();
      throw new LambdaInvokeException(Reason.SERVICE_ERROR, "interrupted while invoking " + invocation.function(), e);
    } catch (Throwable e) {
      handoff.cancel();
      throw new LambdaInvokeException(Reason.SERVICE_ERROR,
          "invoking " + invocation.function() + " failed: " + e.getMessage(), e);
    }
    if (first == null) {
      handoff.cancel();
      throw new LambdaInvokeException(Reason.TIMEOUT,
          "invoking " + invocation.function() + " timed out before the function began to answer", null);
    }
    if (first instanceof InvokeWithResponseStreamCompleteEvent complete && complete.errorCode() != null) {
      handoff.cancel();
      return new Streamed(new ByteArrayInputStream(errorDocument(complete)), "Unhandled",
          handoff.executedVersion());
    }
    return new Streamed(handoff.payload(first), null, handoff.executedVersion());
  }

  /** The error document of a function that failed before its first byte, shaped as the Invoke API's. */
  private static byte[] errorDocument(InvokeWithResponseStreamCompleteEvent complete) {
    String details = complete.errorDetails() == null ? "" : complete.errorDetails();
    return ("{\"errorType\":" + Json.quote(complete.errorCode()) + ",\"errorMessage\":" + Json.quote(details) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private LambdaAsyncClient asyncClient() {
    synchronized (asyncLock) {
      if (closed) {
        throw new IllegalStateException("this Lambda invoker is closed");
      }
      if (asyncClient == null) {
        asyncClient = asyncClientFactory.get();
      }
      return asyncClient;
    }
  }

  @Override
  public void close() {
    client.close();
    synchronized (asyncLock) {
      closed = true;
      if (asyncClient != null) {
        asyncClient.close();
      }
    }
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }
}
