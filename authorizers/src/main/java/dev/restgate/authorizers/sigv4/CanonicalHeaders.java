package dev.restgate.authorizers.sigv4;

import dev.restgate.http.Headers;
import java.util.List;

/**
 * The signed headers of a request in canonical form.
 *
 * @param text one {@code name:value} line per signed header, each ending with a newline; the values of a name that
 *     occurs more than once joined with {@code ,}, each trimmed, inner runs of whitespace made one space
 * @param signedHeaders the names joined with {@code ;}
 */
record CanonicalHeaders(String text, String signedHeaders) {
  /** @param names lower-case and sorted; a name the request lacks gets an empty value (and the signature fails) */
  static CanonicalHeaders of(Headers headers, List<String> names) {
    StringBuilder text = new StringBuilder(names.size() * 48);
    for (String name : names) {
      text.append(name).append(':');
      List<String> values = headers.all(name);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        appendTrimmed(text, values.get(i));
      }
      text.append('\n');
    }
    return new CanonicalHeaders(text.toString(), String.join(";", names));
  }

  private static void appendTrimmed(StringBuilder text, String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    boolean afterSpace = false;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (!isWhitespace(c)) {
        text.append(c);
        afterSpace = false;
      } else if (!afterSpace) {
        text.append(' ');
        afterSpace = true;
      }
    }
  }

  /** Whitespace as the AWS SDK for Java 2 has it: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
