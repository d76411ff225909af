package dev.restgate.http;

import java.io.IOException;

/** The request body is larger than the gateway accepts. */
public final class PayloadTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException() {
    super("request body exceeds " + GatewayRequest.MAX_PAYLOAD_BYTES + " bytes");
  }
}
