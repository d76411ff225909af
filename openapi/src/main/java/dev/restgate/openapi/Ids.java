package dev.restgate.openapi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable ids in the AWS shape (ten lower-case alphanumerics), derived from the API id and what the id names, so a
 * re-import of the same document keeps every id and the state keyed by it (caches, authorizer results).
 */
final class Ids {
  private static final BigInteger RANGE = BigInteger.valueOf(36).pow(10);

  private Ids() {}

  /** The id of the {@code kind} ("resource", "authorizer", ...) named {@code key} in API {@code apiId}. */
  static String of(String apiId, String kind, String key) {
    byte[] digest = sha256(apiId + '\u0000' + kind + '\u0000' + key);
    String id = new BigInteger(1, digest).mod(RANGE).toString(36);
    return "0".repeat(10 - id.length()) + id;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
