package dev.restgate.authorizers.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of SigV4: every byte of the UTF-8 form but the RFC 3986 unreserved characters {@code A-Z a-z
 * 0-9 - _ . ~} becomes {@code %XY} with uppercase hex.
 */
final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.' || c == '~';
  }

  /** Encodes {@code s} as it is, so an escape already in it is encoded again ({@code %20} becomes {@code %2520}). */
  static String encode(String s, boolean keepSlash) {
    int i = 0;
    while (i < s.length() && (isUnreserved(s.charAt(i)) || (keepSlash && s.charAt(i) == '/'))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    return encode(s.getBytes(StandardCharsets.UTF_8), keepSlash);
  }

  /**
   * The canonical form of one name or value of a raw query, {@code raw[from, to)}: decoded, then encoded again, so
   * that {@code %7e} becomes {@code ~} and {@code %2f} becomes {@code %2F}.
   *
   * @param plusAsSpace whether {@code +} stands for a space (HTML forms) or for itself (RFC 3986)
   */
  static String canonical(String raw, int from, int to, boolean plusAsSpace) {
    int i = from;
    while (i < to && isUnreserved(raw.charAt(i))) {
      i++;
    }
    if (i == to) {
      return raw.substring(from, to);
    }
    return encode(decode(raw, from, to, plusAsSpace), false);
  }

  /** Decodes {@code raw[from, to)} as UTF-8; {@code +} stands for itself, a malformed escape is kept as it is. */
  static String decode(String raw, int from, int to) {
    int percent = raw.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return raw.substring(from, to);
    }
    return new String(decode(raw, from, to, false), StandardCharsets.UTF_8);
  }

  private static byte[] decode(String raw, int from, int to, boolean plusAsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int i = from;
    while (i < to) {
      char c = raw.charAt(i);
      int escaped = c == '%' ? hex(raw, i + 1, to) : -1;
      if (escaped >= 0) {
        out.write(escaped);
        i += 3;
      } else if (c == '+' && plusAsSpace) {
        out.write(' ');
        i++;
      } else if (c < 0x80) {
        out.write(c);
        i++;
      } else {
        int end = i + 1;
        while (end < to && raw.charAt(end) >= 0x80) {
          end++;
        }
        out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return out.toByteArray();
  }

  /** The byte of the two hex digits at {@code raw[at, at + 2)}, or -1 when they are not two hex digits before to. */
  private static int hex(String raw, int at, int to) {
    if (at + 2 > to) {
      return -1;
    }
    int high = hexDigit(raw.charAt(at));
    int low = hexDigit(raw.charAt(at + 1));
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  /** Only ASCII: {@link Character#digit} would also take the digits of other scripts. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String encode(byte[] bytes, boolean keepSlash) {
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
