package dev.restgate.authorizers.sigv4;

import dev.restgate.authorizers.sigv4.SignatureRefusal.Kind;

/**
 * Ends a verification with a refusal. Carries no message of its own and no stack trace: the refusal's text echoes the
 * request and is for the client, never for a log.
 */
final class Refusal extends Exception {
  private final SignatureRefusal refusal;

  Refusal(Kind kind, String message) {
    super(null, null, false, false);
    refusal = new SignatureRefusal(kind, message);
  }

  SignatureRefusal refusal() {
    return refusal;
  }
}
