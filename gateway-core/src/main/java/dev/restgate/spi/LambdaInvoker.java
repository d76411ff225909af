package dev.restgate.spi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;

/**
 * Invokes Lambda functions the way API Gateway does: synchronously ({@code RequestResponse}), or asynchronously
 * ({@code Event}) for non-proxy integrations that ask for it. Registered by a
 * {@link GatewayModule}. Thread-safe; may block for up to the invocation's timeout.
 */
public interface LambdaInvoker {

  /**
   * Invokes a function.
   *
   * @return the function's answer; a function error (an exception in the function, a function timeout) is a result
   *     with {@link Result#functionError()} set, not an exception
   * @throws LambdaInvokeException when the function could not be invoked (not found, throttled, no permission,
   *     unreachable service) or the invocation did not finish within {@code invocation.timeout()}
   */
  Result invoke(Invocation invocation) throws LambdaInvokeException;

  /**
   * Invokes a function whose answer streams, as Lambda's {@code InvokeWithResponseStream} does: returns once the
   * function has begun to answer, with its payload to read as the function writes it. A function that does not
   * stream answers its whole payload at once, which is what this default does over {@link #invoke}.
   *
   * @throws LambdaInvokeException as {@link #invoke} does, for what happens before the function begins to answer
   */
  default Streamed invokeWithResponseStream(Invocation invocation) throws LambdaInvokeException {
    Result result = invoke(invocation);
    return new Streamed(new ByteArrayInputStream(result.payload()), result.functionError(),
        result.executedVersion());
  }

  /**
   * Queues an asynchronous invocation ({@code Event}): returns once the function has the event, without waiting for
   * it to run; what it answers is not reported.
   *
   * @throws LambdaInvokeException when the function could not be given the event (not found, throttled, no
   *     permission, unreachable service), or this invoker cannot invoke asynchronously
   */
  default void invokeAsync(Invocation invocation) throws LambdaInvokeException {
    throw new LambdaInvokeException(LambdaInvokeException.Reason.SERVICE_ERROR,
        "this Lambda invoker cannot invoke functions asynchronously", null);
  }

  /**
   * One invocation.
   *
   * @param function a function name, a partial ARN ({@code 123456789012:function:name}) or a full function ARN,
   *     without qualifier
   * @param qualifier an alias or version, or null for {@code $LATEST}
   * @param payload the JSON event
   * @param timeout how long the caller waits
   * @param sourceArn the ARN of the calling API method ({@code arn:aws:execute-api:...}), or null
   */
  record Invocation(String function, String qualifier, byte[] payload, Duration timeout, String sourceArn) {}

  /**
   * A function's answer.
   *
   * @param payload the function's response (or error) JSON
   * @param functionError {@code Unhandled} or {@code Handled} when the function failed, else null
   * @param executedVersion the version that ran, e.g. {@code $LATEST}
   * @param logResult base64 of the tail of the function's log when requested, else null
   */
  record Result(byte[] payload, String functionError, String executedVersion, String logResult) {}

  /**
   * A function's answer as it streams.
   *
   * @param payload what the function writes, readable as it writes it; whoever reads it closes it. A read fails
   *     with an {@link java.io.IOException} when the function fails or times out after it began to answer.
   * @param functionError {@code Unhandled} or {@code Handled} when the function failed before its first byte (the
   *     payload is then the error document), else null
   * @param executedVersion the version that ran
   */
  record Streamed(InputStream payload, String functionError, String executedVersion) {}
}
