package dev.restgate.lambda.internal.local;

import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One version of a local function as the invoker and the Invoke API see it, whatever runs it: worker processes
 * ({@code isolation: process}) or the gateway's JVM ({@code in-process}). Implementations are thread-safe.
 */
public interface LocalFunction extends AutoCloseable {
  /** The version a function's own settings make, which unqualified invocations run. */
  String LATEST = "$LATEST";

  String name();

  /**
   * The version this code is: {@link #LATEST} or a number. Invocations report it ({@code Context}, the
   * {@code START} line, {@code X-Amz-Executed-Version}), whichever qualifier chose it.
   */
  String version();

  /**
   * Starts an invocation without waiting for it ({@code Event} invocations use this directly).
   *
   * @return completes when the function answers or fails, or when its timeout passes, whichever is first
   * @throws RejectedExecutionException when the function runs as many invocations as it may (throttled), or is
   *     closed
   */
  default CompletableFuture<Execution> start(InvocationRequest request) {
    return start(request, false);
  }

  /**
   * Starts an invocation; {@code streamResponse} asks for the answer as the function writes it
   * ({@code InvokeWithResponseStream}).
   *
   * @return completes as {@link #start(InvocationRequest)} does, or, when {@code streamResponse} is set and the
   *     function begins to answer, with an {@link Execution#stream()}: the invocation then goes on until the stream
   *     ends, and a failure or timeout after that point fails the stream
   * @throws RejectedExecutionException as {@link #start(InvocationRequest)} does
   */
  CompletableFuture<Execution> start(InvocationRequest request, boolean streamResponse);

  /**
   * Runs an invocation and waits for its end.
   *
   * @param callerTimeout how long the caller waits, or null to wait until the function ends (at most its timeout)
   * @throws LambdaInvokeException {@code THROTTLED} past the concurrency limit; {@code TIMEOUT} when the caller's
   *     timeout passes first (the invocation goes on until its own timeout, as on AWS); {@code SERVICE_ERROR} when
   *     the function is closed or the caller is interrupted
   */
  default Execution invoke(InvocationRequest request, Duration callerTimeout) throws LambdaInvokeException {
    return invoke(request, callerTimeout, false);
  }

  /**
   * Runs an invocation and waits for its end or, when {@code streamResponse} is set, for the function to begin its
   * answer.
   *
   * @throws LambdaInvokeException as {@link #invoke(InvocationRequest, Duration)} does
   */
  default Execution invoke(InvocationRequest request, Duration callerTimeout, boolean streamResponse)
      throws LambdaInvokeException {
    CompletableFuture<Execution> running;
    try {
      running = start(request, streamResponse);
    } catch (RejectedExecutionException e) {
      if (isClosed()) {
        throw new LambdaInvokeException(Reason.SERVICE_ERROR, "function " + name() + " is closed", e);
      }
      throw new LambdaInvokeException(Reason.THROTTLED, "Rate Exceeded.", e);
    }
    try {
      return callerTimeout == null ? running.get() : running.get(callerTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new LambdaInvokeException(Reason.TIMEOUT,
          "function " + name() + " did not answer within " + callerTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LambdaInvokeException(Reason.SERVICE_ERROR, "interrupted while waiting for " + name(), e);
    } catch (ExecutionException e) {
      throw new LambdaInvokeException(Reason.SERVICE_ERROR, "function " + name() + " failed to run", e.getCause());
    }
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed();

  /** Stops what runs the function; running invocations end. */
  @Override
  void close();
}
