package dev.restgate.authorizers.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One condition of a statement: an operator, a key and the values it is compared with, compiled once. A request
 * value matches when it matches any of the values. As IAM has it, a key the request does not have makes the
 * condition false, except for the negated operators ({@code StringNotEquals}, {@code NotIpAddress}, ...), which it
 * makes true, and {@code ...IfExists} operators, which it makes true too. Immutable.
 */
final class Condition {
  private static final String IF_EXISTS = "IfExists";
  private static final Map<String, Function<RequestFacts, String>> KEYS = Map.of(
      "aws:sourceip", RequestFacts::sourceIp,
      "aws:currenttime", facts -> facts.now().toString(),
      "aws:epochtime", facts -> Long.toString(facts.now().getEpochSecond()),
      "aws:securetransport", facts -> Boolean.toString(facts.secureTransport()),
      "aws:useragent", RequestFacts::userAgent,
      "aws:principalarn", facts -> facts.caller() == null ? null : facts.caller().principalArn(),
      "aws:principalaccount", facts -> facts.caller() == null ? null : facts.caller().accountId(),
      "aws:userid", facts -> facts.caller() == null ? null : facts.caller().userId(),
      "aws:username", facts -> facts.caller() == null ? null : facts.caller().username());

  private enum Comparison { EQ, LT, LE, GT, GE }

  private final String key;
  private final boolean negated;
  private final boolean ifExists;
  private final Boolean nullCheck;
  private final Predicate<String> matches;

  private Condition(String key, boolean negated, boolean ifExists, Boolean nullCheck, Predicate<String> matches) {
    this.key = key;
    this.negated = negated;
    this.ifExists = ifExists;
    this.nullCheck = nullCheck;
    this.matches = matches;
  }

  /**
   * Compiles {@code operator: {key: values}}.
   *
   * @throws IllegalArgumentException for an unknown operator or a value the operator cannot compare with
   */
  static Condition compile(String operator, String key, JsonNode values, String where) {
    List<String> texts = texts(values, where);
    boolean ifExists = operator.endsWith(IF_EXISTS) && !operator.equals(IF_EXISTS);
    String base = ifExists ? operator.substring(0, operator.length() - IF_EXISTS.length()) : operator;
    String lowerKey = key.toLowerCase(Locale.ROOT);
    if (base.equals("Null")) {
      if (ifExists) {
        throw new IllegalArgumentException(where + ": Null has no IfExists form");
      }
      boolean absent = bool(texts, where);
      return new Condition(lowerKey, false, false, absent, value -> true);
    }
    Predicate<String> single = switch (base) {
      case "StringEquals", "StringNotEquals" -> anyOf(texts, expected -> expected::equals);
      case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" ->
          anyOf(texts, expected -> expected::equalsIgnoreCase);
      case "StringLike", "StringNotLike", "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike" ->
          anyOf(texts, expected -> Wildcard.caseSensitive(expected)::matches);
      case "NumericEquals", "NumericNotEquals" -> numeric(texts, Comparison.EQ, where);
      case "NumericLessThan" -> numeric(texts, Comparison.LT, where);
      case "NumericLessThanEquals" -> numeric(texts, Comparison.LE, where);
      case "NumericGreaterThan" -> numeric(texts, Comparison.GT, where);
      case "NumericGreaterThanEquals" -> numeric(texts, Comparison.GE, where);
      case "DateEquals", "DateNotEquals" -> date(texts, Comparison.EQ, where);
      case "DateLessThan" -> date(texts, Comparison.LT, where);
      case "DateLessThanEquals" -> date(texts, Comparison.LE, where);
      case "DateGreaterThan" -> date(texts, Comparison.GT, where);
      case "DateGreaterThanEquals" -> date(texts, Comparison.GE, where);
      case "Bool" -> {
        boolean expected = bool(texts, where);
        yield value -> Boolean.toString(expected).equalsIgnoreCase(value);
      }
      case "IpAddress", "NotIpAddress" -> {
        List<IpRange> ranges = new ArrayList<>();
        for (String text : texts) {
          try {
            ranges.add(IpRange.parse(text));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
          }
        }
        yield value -> ranges.stream().anyMatch(range -> range.contains(value));
      }
      default -> throw new IllegalArgumentException(where + ": unknown condition operator " + operator);
    };
    boolean negated = base.contains("Not");
    return new Condition(lowerKey, negated, ifExists, null, single);
  }

  boolean test(RequestFacts facts) {
    Function<RequestFacts, String> source = KEYS.get(key);
    String value = source == null ? null : source.apply(facts);
    if (nullCheck != null) {
      return nullCheck == (value == null);
    }
    if (value == null) {
      return ifExists || negated;
    }
    return matches.test(value) != negated;
  }

  private static List<String> texts(JsonNode values, String where) {
    List<String> texts = new ArrayList<>();
    for (JsonNode value : values.isArray() ? values : List.of(values)) {
      if (!value.isValueNode() || value.isNull()) {
        throw new IllegalArgumentException(where + " must be a string, number or boolean, or a list of them");
      }
      texts.add(value.asText());
    }
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(where + " has no values");
    }
    return texts;
  }

  private static Predicate<String> anyOf(List<String> expected, Function<String, Predicate<String>> one) {
    List<Predicate<String>> tests = expected.stream().map(one).toList();
    return value -> tests.stream().anyMatch(test -> test.test(value));
  }

  private static boolean bool(List<String> texts, String where) {
    if (texts.size() != 1 || !(texts.get(0).equals("true") || texts.get(0).equals("false"))) {
      throw new IllegalArgumentException(where + " must be true or false");
    }
    return Boolean.parseBoolean(texts.get(0));
  }

  private static Predicate<String> numeric(List<String> texts, Comparison comparison, String where) {
    List<BigDecimal> expected = new ArrayList<>();
    for (String text : texts) {
      try {
        expected.add(new BigDecimal(text));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": '" + text + "' is not a number", e);
      }
    }
    return value -> {
      BigDecimal actual;
      try {
        actual = new BigDecimal(value);
      } catch (NumberFormatException e) {
        return false;
      }
      return expected.stream().anyMatch(bound -> compare(actual.compareTo(bound), comparison));
    };
  }

  private static Predicate<String> date(List<String> texts, Comparison comparison, String where) {
    List<Instant> expected = new ArrayList<>();
    for (String text : texts) {
      Instant instant = instant(text);
      if (instant == null) {
        throw new IllegalArgumentException(where + ": '" + text + "' is not an ISO 8601 date or epoch seconds");
      }
      expected.add(instant);
    }
    return value -> {
      Instant actual = instant(value);
      return actual != null && expected.stream().anyMatch(bound -> compare(actual.compareTo(bound), comparison));
    };
  }

  /** An ISO 8601 date or date-time, or epoch seconds; null for anything else. */
  private static Instant instant(String text) {
    try {
      if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
        return Instant.ofEpochSecond(Long.parseLong(text));
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  private static boolean compare(int order, Comparison comparison) {
    return switch (comparison) {
      case EQ -> order == 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }
}
