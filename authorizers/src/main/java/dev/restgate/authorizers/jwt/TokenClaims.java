package dev.restgate.authorizers.jwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A signed token's payload: each claim's JSON value for the checks, and its string for
 * {@code $context.authorizer.claims}. Both come from one parse, so what is checked is what is handed on.
 */
final class TokenClaims {
  /** The last second of the year 9999: later NumericDates are nonsense, and {@link Instant} could not hold all. */
  private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
  /** How API Gateway writes {@code exp} and {@code iat}: as {@code java.util.Date#toString()} in UTC. */
  private static final DateTimeFormatter AWS_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);
  /** Duplicate names are refused: two readers of one payload could otherwise each see a different claim. */
  private static final ObjectMapper JSON = new ObjectMapper(
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private final Map<String, JsonNode> values;
  private final Map<String, String> strings;

  private TokenClaims(Map<String, JsonNode> values, Map<String, String> strings) {
    this.values = values;
    this.strings = Collections.unmodifiableMap(strings);
  }

  /** @throws IOException when {@code payload} is not one JSON object with distinct names */
  static TokenClaims parse(String payload) throws IOException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, String> strings = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(payload)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the payload is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        // A number's own text: the tree would write 1.0E9 for 1e9, or 1.50 as 1.5.
        String scalarText = token.isScalarValue() ? parser.getText() : null;
        JsonNode value = JSON.readTree(parser);
        values.put(name, value);
        strings.put(name, string(name, value, scalarText));
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new IOException("the payload has more than one JSON object");
      }
    }
    return new TokenClaims(values, strings);
  }

  /** The claims as {@code $context.authorizer.claims} shows them, in token order. */
  Map<String, String> strings() {
    return strings;
  }

  /** The claim's text, or null when it is absent or not a JSON string. */
  String text(String name) {
    JsonNode value = values.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * The claim as a NumericDate (seconds since the epoch, fractions allowed), or null when it is absent, not a number
   * or outside 1970..9999.
   */
  Instant instant(String name) {
    return numericDate(values.get(name));
  }

  private static Instant numericDate(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null;
    }
    BigDecimal seconds = value.decimalValue();
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_NUMERIC_DATE)) > 0) {
      return null;
    }
    long whole = seconds.longValue();
    return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
  }

  /**
   * The single value of a claim that is a string or an array of exactly one string (how {@code aud} may come), or
   * null for anything else.
   */
  String single(String name) {
    JsonNode value = values.get(name);
    if (value != null && value.isArray() && value.size() == 1) {
      value = value.get(0);
    }
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /**
   * A claim the way API Gateway's Cognito authorizer stringifies it: strings as they are, numbers and booleans as their
   * JSON text, {@code exp} and {@code iat} as dates ({@code Tue Apr 04 18:39:39 UTC 2023}), arrays of plain values
   * joined with commas ({@code cognito:groups} of {@code ["a","b"]} reads {@code a,b}; a one-element {@code aud} reads
   * as its value), anything nested as its JSON text.
   */
  private static String string(String name, JsonNode value, String scalarText) {
    if (name.equals("exp") || name.equals("iat")) {
      Instant date = numericDate(value);
      if (date != null) {
        return AWS_DATE.format(date);
      }
    }
    if (scalarText != null) {
      return scalarText;
    }
    if (value.isArray() && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isValueNode)) {
      return StreamSupport.stream(value.spliterator(), false)
          .map(element -> element.isTextual() ? element.textValue() : element.toString())
          .collect(Collectors.joining(","));
    }
    return value.toString();
  }
}
