package dev.restgate.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw query string the way API Gateway does: pairs split on {@code &}, names and values
 * percent-decoded with {@code +} as space, order kept, a name without {@code =} has the empty value.
 */
public final class QueryString {
  private QueryString() {}

  /** Every parameter with all its values in order; empty for a null or empty query. */
  public static Map<String, List<String>> parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = decode(rawQuery, start, end);
          value = "";
        } else {
          name = decode(rawQuery, start, eq);
          value = decode(rawQuery, eq + 1, end);
        }
        result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    return Collections.unmodifiableMap(result);
  }

  /** Percent-decodes {@code s[from, to)} as UTF-8 with {@code +} as space; a malformed escape is kept as it is. */
  static String decode(String s, int from, int to) {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '+') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return s.substring(from, to);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%' && hex(s, i + 1, to) >= 0) {
        out.write(hex(s, i + 1, to));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < to) {
          utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(utf8, 0, utf8.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(String s, int at, int to) {
    if (at + 1 >= to) {
      return -1;
    }
    int hi = Character.digit(s.charAt(at), 16);
    int lo = Character.digit(s.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
  }
}
