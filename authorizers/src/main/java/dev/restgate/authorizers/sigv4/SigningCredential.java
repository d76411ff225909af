package dev.restgate.authorizers.sigv4;

import java.time.Instant;
import java.util.Objects;

/**
 * A key a client may sign with: a long-term access key, or temporary credentials whose session token the request
 * must carry in {@code X-Amz-Security-Token}.
 *
 * <p>{@link #toString()} leaves the secret and the session token out.
 *
 * @param sessionToken the session token of temporary credentials; null for a long-term key
 * @param expiration when temporary credentials expire; null when they never do
 */
public record SigningCredential(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
  public SigningCredential {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** A long-term access key: no session token, no expiry. */
  public static SigningCredential longTerm(String accessKeyId, String secretAccessKey) {
    return new SigningCredential(accessKeyId, secretAccessKey, null, null);
  }

  @Override
  public String toString() {
    return "SigningCredential[accessKeyId=" + accessKeyId + ", sessionToken=" + (sessionToken == null ? "none" : "set")
        + ", expiration=" + expiration + "]";
  }
}
