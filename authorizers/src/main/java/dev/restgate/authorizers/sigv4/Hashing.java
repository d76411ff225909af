package dev.restgate.authorizers.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;

/** SHA-256 and HMAC-SHA256 for one verification (or one key derivation); not thread-safe. */
final class Hashing {
  static final String HMAC_SHA256 = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest sha256;
  private final Mac hmac;

  Hashing() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
      hmac = Mac.getInstance(HMAC_SHA256);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256 and HmacSHA256", e);
    }
  }

  byte[] sha256(byte[] data) {
    return sha256.digest(data);
  }

  String sha256Hex(byte[] data) {
    return HEX.formatHex(sha256.digest(data));
  }

  String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  byte[] hmac(Key key, String data) {
    try {
      hmac.init(key);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an HmacSHA256 key was refused", e);
    }
    return hmac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
