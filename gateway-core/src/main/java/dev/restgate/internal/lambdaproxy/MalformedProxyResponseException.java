package dev.restgate.internal.lambdaproxy;

/** A function's answer is not a valid Lambda proxy response; the message says why, for the operator's log. */
final class MalformedProxyResponseException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedProxyResponseException(String reason) {
    super(reason, null, false, false);
  }
}
