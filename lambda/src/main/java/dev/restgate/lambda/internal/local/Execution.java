package dev.restgate.lambda.internal.local;

import java.io.InputStream;
import java.util.Base64;

/**
 * How one invocation of a local function ended, or, for an answer that streams, began.
 *
 * @param requestId the invocation's request id ({@code Context.getAwsRequestId()})
 * @param payload the response, or the error document when {@code functionError} is set; empty when it streams
 * @param functionError {@code Unhandled} when the function failed or timed out, else null
 * @param logTail the last 4 KB of the invocation's log; empty when the answer streams
 * @param stream the answer as the function writes it, when the invocation asked for a streamed answer and the
 *     function began one; else null
 */
public record Execution(String requestId, byte[] payload, String functionError, byte[] logTail, InputStream stream) {

  /** A whole answer. */
  public Execution(String requestId, byte[] payload, String functionError, byte[] logTail) {
    this(requestId, payload, functionError, logTail, null);
  }

  /** An answer that streams from here. */
  public static Execution streaming(String requestId, InputStream stream) {
    return new Execution(requestId, new byte[0], null, new byte[0], stream);
  }

  /** The log tail as {@code X-Amz-Log-Result} carries it. */
  public String logResult() {
    return Base64.getEncoder().encodeToString(logTail);
  }
}
