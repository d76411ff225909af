package dev.restgate.mapping;

import java.util.Locale;

/** Media types as template selection compares them: {@code type/subtype}, lower case, without parameters. */
final class MediaTypes {
  /** What a request without {@code Content-Type} or {@code Accept} is taken to send or want. */
  static final String JSON = "application/json";

  private MediaTypes() {}

  /** The bare media type of a {@code Content-Type} value, or {@link #JSON} when there is none. */
  static String ofContentType(String contentType) {
    return bare(contentType);
  }

  /** The first media type an {@code Accept} value lists, or {@link #JSON} when there is none. */
  static String firstAccepted(String accept) {
    if (accept == null) {
      return JSON;
    }
    int comma = accept.indexOf(',');
    return bare(comma < 0 ? accept : accept.substring(0, comma));
  }

  private static String bare(String value) {
    if (value == null) {
      return JSON;
    }
    int semicolon = value.indexOf(';');
    String type = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return type.isEmpty() ? JSON : type;
  }
}
