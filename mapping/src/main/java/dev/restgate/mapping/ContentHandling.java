package dev.restgate.mapping;

import java.util.Locale;

/**
 * An integration's or integration response's {@code contentHandling}: what becomes of a payload that is binary where
 * text is wanted, or the reverse. Binary to text is Base64 encoding, text to binary Base64 decoding; unset, a
 * payload keeps its form on the request side, and on the response side takes the form the client's first
 * {@code Accept} type asks for.
 */
enum ContentHandling {
  UNSET,
  CONVERT_TO_TEXT,
  CONVERT_TO_BINARY;

  /** @throws IllegalArgumentException for a value AWS does not define */
  static ContentHandling of(String value) {
    if (value == null || value.isBlank()) {
      return UNSET;
    }
    String upper = value.trim().toUpperCase(Locale.ROOT);
    if (upper.equals(CONVERT_TO_TEXT.name()) || upper.equals(CONVERT_TO_BINARY.name())) {
      return valueOf(upper);
    }
    throw new IllegalArgumentException("Invalid content handling specified: " + value
        + " (CONVERT_TO_TEXT or CONVERT_TO_BINARY)");
  }
}
