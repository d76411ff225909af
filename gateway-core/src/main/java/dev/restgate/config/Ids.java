package dev.restgate.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic AWS-looking ids (lower-case alphanumerics) derived from stable parts of the configuration, so that
 * a restart keeps invoke URLs, usage plan keys and counters pointing at the same things.
 */
final class Ids {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private Ids() {}

  /** {@code length} characters from the SHA-256 of {@code parts} (joined with a separator no part can hold). */
  static String derive(int length, String... parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    byte[] hash = digest.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
    }
    return id.toString();
  }
}
