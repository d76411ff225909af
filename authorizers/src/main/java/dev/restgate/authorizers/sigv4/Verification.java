package dev.restgate.authorizers.sigv4;

/** The outcome of {@link SigV4Verifier#verify}: the credential the request was signed with, or why it was refused. */
public sealed interface Verification {
  /** The signature matches and the credential is valid. */
  record Verified(SigningCredential credential) implements Verification {}

  /** The request is refused; answer 403 with the refusal's error type and message. */
  record Refused(SignatureRefusal refusal) implements Verification {}
}
