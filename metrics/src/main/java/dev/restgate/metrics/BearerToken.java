package dev.restgate.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The token scrapers must present. Compared in constant time: both sides are hashed first, so neither the length nor
 * a common prefix of a guess shows in how long the answer takes. Immutable.
 */
final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private final byte[] expected;

  BearerToken(String token) {
    this.expected = sha256(token);
  }

  /** Whether {@code authorization} (the header's value, or null) is {@code Bearer} with this token. */
  boolean admits(String authorization) {
    boolean bearer = authorization != null && authorization.length() > SCHEME.length()
        && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    byte[] presented = sha256(bearer ? authorization.substring(SCHEME.length()).trim() : "");
    return MessageDigest.isEqual(expected, presented) & bearer;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
