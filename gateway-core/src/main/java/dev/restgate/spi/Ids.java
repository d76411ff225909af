package dev.restgate.spi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one derivation of stable ids in the AWS shape (lower-case letters and digits) from what an id names, so that a
 * restart or a re-import keeps every id, and the invoke URLs and state keyed by it. Used by the configuration, the
 * OpenAPI importer and modules alike. Thread-safe.
 */
public final class Ids {
  private static final int MAX_LENGTH = 40;

  private Ids() {}

  /**
   * {@code length} characters, uniformly distributed, from the SHA-256 of {@code parts} joined with a separator no
   * part can hold. For example {@code derive(10, apiId, "resource", "/pets")}.
   *
   * @throws IllegalArgumentException when {@code length} is not between 1 and 40
   */
  public static String derive(int length, String... parts) {
    if (length < 1 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("ids have 1 to " + MAX_LENGTH + " characters, not " + length);
    }
    byte[] digest = sha256(String.join("\u0000", parts));
    String id = new BigInteger(1, digest).mod(BigInteger.valueOf(36).pow(length)).toString(36);
    return "0".repeat(length - id.length()) + id;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
