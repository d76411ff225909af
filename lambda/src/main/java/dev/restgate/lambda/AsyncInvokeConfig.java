package dev.restgate.lambda;

/**
 * How a local function's asynchronous ({@code Event}) invocations are retried and where they go when they fail for
 * good: AWS's {@code PutFunctionEventInvokeConfig} settings.
 *
 * @param maximumRetryAttempts retries after a function error, 0 to 2
 * @param maximumEventAgeInSeconds how long an event may wait in the queue (retries included), 60 to 21600; older
 *     events are not run again
 * @param onFailure where an event goes after its last failed attempt, or null to drop it (with a log line)
 */
public record AsyncInvokeConfig(int maximumRetryAttempts, int maximumEventAgeInSeconds, OnFailure onFailure) {
  public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 2;
  public static final int DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 21_600;
  /** AWS's defaults: two retries, six hours, no destination. */
  public static final AsyncInvokeConfig DEFAULT =
      new AsyncInvokeConfig(DEFAULT_MAXIMUM_RETRY_ATTEMPTS, DEFAULT_MAXIMUM_EVENT_AGE_SECONDS, null);

  /**
   * The on-failure destination: exactly one of the two is set.
   *
   * @param deadLetterFile a file, relative to the data directory, that gets one destination record per line
   * @param functionName a local function that is invoked asynchronously with the destination record
   */
  public record OnFailure(String deadLetterFile, String functionName) {}
}
