package dev.restgate.lambda.internal.local;

/** A function's handler cannot be loaded; the message says why, in the AWS Java runtime's words where it has some. */
final class HandlerException extends Exception {
  private static final long serialVersionUID = 1L;

  HandlerException(String message) {
    super(message);
  }

  HandlerException(String message, Throwable cause) {
    super(message, cause);
  }
}
