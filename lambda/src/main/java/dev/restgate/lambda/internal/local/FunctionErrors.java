package dev.restgate.lambda.internal.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The error documents the AWS Java runtime answers for a failed invocation, and the text it logs for them. Stack
 * traces stop at the first frame of this runtime, as the AWS runtime cuts its own frames off.
 */
public final class FunctionErrors {
  /** What {@code X-Amz-Function-Error} says for every error the Java runtime reports. */
  public static final String UNHANDLED = "Unhandled";
  /** The largest response AWS returns from a synchronous invocation. */
  public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

  private static final String RUNTIME_PACKAGE = "dev.restgate.lambda.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FunctionErrors() {}

  /** {@code {"errorMessage","errorType","stackTrace"[,"cause"]}} for an exception thrown by the function. */
  static byte[] unhandled(Throwable error) {
    return bytes(describe(error, Collections.newSetFromMap(new IdentityHashMap<>())));
  }

  /** The document AWS answers when a function runs past its timeout. */
  public static byte[] timedOut(String requestId, int timeoutSeconds) {
    ObjectNode node = JSON.createObjectNode();
    node.put("errorType", "Sandbox.Timedout");
    node.put("errorMessage", "RequestId: " + requestId + " Error: Task timed out after " + timeoutSeconds
        + ".00 seconds");
    return bytes(node);
  }

  /** The document AWS answers when a function's response is larger than {@link #MAX_RESPONSE_BYTES}. */
  public static byte[] responseTooLarge() {
    ObjectNode node = JSON.createObjectNode();
    node.put("errorMessage", "Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    node.put("errorType", "Function.ResponseSizeTooLarge");
    return bytes(node);
  }

  /**
   * The document AWS answers when the runtime process ends during an invocation or its init.
   *
   * @param exit how it ended, in AWS's words: {@code exit status 3}, {@code signal: killed}
   */
  public static byte[] exited(String requestId, String exit) {
    ObjectNode node = JSON.createObjectNode();
    node.put("errorType", "Runtime.ExitError");
    node.put("errorMessage", "RequestId: " + requestId + " Error: Runtime exited with error: " + exit);
    return bytes(node);
  }

  /** What the Java runtime logs for an unhandled exception: {@code message: type}, then the stack trace. */
  static String reportable(Throwable error) {
    StringBuilder text = new StringBuilder(message(error)).append(": ").append(error.getClass().getName())
        .append('\n');
    appendTrace(text, error, "", Collections.newSetFromMap(new IdentityHashMap<>()));
    return text.toString();
  }

  /** The message AWS reports: the exception's localized message, else its class name. */
  static String message(Throwable error) {
    String message = error.getLocalizedMessage();
    return message == null ? error.getClass().getName() : message;
  }

  private static ObjectNode describe(Throwable error, Set<Throwable> seen) {
    seen.add(error);
    ObjectNode node = JSON.createObjectNode();
    node.put("errorMessage", message(error));
    node.put("errorType", error.getClass().getName());
    ArrayNode trace = node.putArray("stackTrace");
    for (StackTraceElement frame : userFrames(error)) {
      trace.add(frame.toString());
    }
    Throwable cause = error.getCause();
    if (cause != null && !seen.contains(cause)) {
      node.set("cause", describe(cause, seen));
    }
    return node;
  }

  private static void appendTrace(StringBuilder text, Throwable error, String caption, Set<Throwable> seen) {
    seen.add(error);
    text.append(caption).append(error).append('\n');
    for (StackTraceElement frame : userFrames(error)) {
      text.append("\tat ").append(frame).append('\n');
    }
    Throwable cause = error.getCause();
    if (cause != null && !seen.contains(cause)) {
      appendTrace(text, cause, "Caused by: ", seen);
    }
  }

  private static StackTraceElement[] userFrames(Throwable error) {
    StackTraceElement[] frames = error.getStackTrace();
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
        StackTraceElement[] kept = new StackTraceElement[i];
        System.arraycopy(frames, 0, kept, 0, i);
        return kept;
      }
    }
    return frames;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
