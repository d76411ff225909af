package dev.restgate.authorizers.sigv4;

import java.util.Objects;

/**
 * Why a signature was refused, as AWS services say it: the error type and the message for the client's answer (AWS
 * answers all of them with 403).
 *
 * <p>The message echoes what the client sent (its Authorization header, the canonical request with the values of the
 * headers it signed), so it belongs in the answer to that client and not in logs; {@link #toString()} leaves it out.
 */
public record SignatureRefusal(Kind kind, String message) {
  public SignatureRefusal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "SignatureRefusal[kind=" + kind + "]";
  }

  /** The AWS error types of a refused signature. */
  public enum Kind {
    /** Neither an Authorization header nor a presigned query. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
    /** The Authorization header or the presigned query lacks a part or has one that cannot be read. */
    INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
    /** The access key id is unknown, or the session token is missing, unexpected or wrong. */
    UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
    /** Wrong scope, outside the time window, or a signature that does not match the request. */
    INVALID_SIGNATURE("InvalidSignatureException"),
    /** The temporary credentials have expired. */
    EXPIRED_TOKEN("ExpiredTokenException");

    private final String errorType;

    Kind(String errorType) {
      this.errorType = errorType;
    }

    /** The AWS error type, as in {@code x-amzn-ErrorType}: {@code InvalidSignatureException}, ... */
    public String errorType() {
      return errorType;
    }
  }
}
