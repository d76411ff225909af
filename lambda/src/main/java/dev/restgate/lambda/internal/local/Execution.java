package dev.restgate.lambda.internal.local;

import java.util.Base64;

/**
 * How one invocation of a local function ended.
 *
 * @param requestId the invocation's request id ({@code Context.getAwsRequestId()})
 * @param payload the response, or the error document when {@code functionError} is set
 * @param functionError {@code Unhandled} when the function failed or timed out, else null
 * @param logTail the last 4 KB of the invocation's log
 */
public record Execution(String requestId, byte[] payload, String functionError, byte[] logTail) {

  /** The log tail as {@code X-Amz-Log-Result} carries it. */
  public String logResult() {
    return Base64.getEncoder().encodeToString(logTail);
  }
}
