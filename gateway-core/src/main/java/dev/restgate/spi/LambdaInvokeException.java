package dev.restgate.spi;

/** A Lambda function could not be invoked, or the call did not finish in time. */
public class LambdaInvokeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the invocation failed. */
  public enum Reason {
    FUNCTION_NOT_FOUND,
    ACCESS_DENIED,
    THROTTLED,
    TIMEOUT,
    SERVICE_ERROR
  }

  private final Reason reason;

  public LambdaInvokeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
