package dev.restgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.spi.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A value of the configuration tree with its JSON pointer: what a {@link ConfigSection} reads its part of
 * {@code gateway.yaml} from. Reads are typed and never throw: a value of the wrong type or out of its range is
 * reported at its pointer and read as absent ({@code null}, empty list or map), so that loading goes on and finds
 * every other problem too. An explicit YAML/JSON {@code null} counts as absent. Not thread-safe: one load uses it.
 */
public final class ConfigNode {
  private final JsonNode json;
  private final String pointer;
  private final Problems problems;

  private ConfigNode(JsonNode json, String pointer, Problems problems) {
    this.json = json == null || json.isNull() || json.isMissingNode() ? null : json;
    this.pointer = pointer;
    this.problems = problems;
  }

  static ConfigNode root(JsonNode json, Problems problems) {
    return new ConfigNode(json, "", problems);
  }

  public String pointer() {
    return pointer;
  }

  public boolean isPresent() {
    return json != null;
  }

  public JsonNode json() {
    return json;
  }

  public void problem(String message) {
    problems.add(pointer, message);
  }

  /**
   * How many problems this load has found so far, anywhere: compare the counts before and after checking a part to
   * learn whether it had any (to skip deeper checks that would only repeat them).
   */
  public int problemCount() {
    return problems.count();
  }

  public ConfigNode field(String key) {
    return new ConfigNode(json == null ? null : json.get(key), pointer + "/" + escape(key), problems);
  }

  /** Reports this value when it is absent; returns this node for the typed read that follows. */
  public ConfigNode required() {
    if (json == null) {
      problem("is missing; this key is required");
    }
    return this;
  }

  /**
   * Whether this value is an object; reports a value of another type, and every key of the object that is not one
   * of {@code keys} (listing the valid ones). Absent values are not reported.
   */
  public boolean isObjectWith(Collection<String> keys) {
    if (json == null) {
      return false;
    }
    if (!json.isObject()) {
      problem("must be an object (key: value pairs), not " + describe(json));
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      if (!keys.contains(entry.getKey())) {
        problems.add(pointer + "/" + escape(entry.getKey()), "unknown key " + Json.quote(entry.getKey())
            + suggestion(entry.getKey(), keys) + "; valid keys here are: " + String.join(", ", keys));
      }
    }
    return true;
  }

  /**
   * Reports each of {@code keys} this object has as not used by {@code choice} (an engine, a mode), so that a
   * half-edited switch between choices is noticed.
   *
   * @param choice the chosen value, or null for the default
   */
  public void refuseUnused(String choice, String... keys) {
    for (String key : keys) {
      if (field(key).isPresent()) {
        field(key).problem("is not used by " + (choice == null ? "the default engine" : choice)
            + "; remove it, or choose the engine that needs it");
      }
    }
  }

  /** The entries of an object whose keys are free (variables, tags, method settings); absent is empty. */
  public Map<String, ConfigNode> entries() {
    if (json == null) {
      return Map.of();
    }
    if (!json.isObject()) {
      problem("must be an object (key: value pairs), not " + describe(json));
      return Map.of();
    }
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      String child = pointer + "/" + escape(entry.getKey());
      entries.put(entry.getKey(), new ConfigNode(entry.getValue(), child, problems));
    }
    return entries;
  }

  /** The elements of a list; absent is empty; empty entries ({@code - } alone in YAML) are reported. */
  public List<ConfigNode> list() {
    if (json == null) {
      return List.of();
    }
    if (!json.isArray()) {
      problem("must be a list, not " + describe(json));
      return List.of();
    }
    List<ConfigNode> elements = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      ConfigNode element = new ConfigNode(json.get(i), pointer + "/" + i, problems);
      if (element.isPresent()) {
        elements.add(element);
      } else {
        element.problem("is an empty list entry; fill it in or remove it");
      }
    }
    return elements;
  }

  public String string() {
    if (json == null) {
      return null;
    }
    if (!json.isTextual()) {
      String hint = json.isValueNode() ? "; put it in quotes if it is meant as text: \"" + json.asText() + "\"" : "";
      problem("must be a string, not " + describe(json) + hint);
      return null;
    }
    return json.textValue();
  }

  /** A string that must match {@code pattern}; {@code rule} says in words what is allowed. */
  public String string(Pattern pattern, String rule) {
    String value = string();
    if (value != null && !pattern.matcher(value).matches()) {
      problem(Json.quote(value) + " is not valid: " + rule);
      return null;
    }
    return value;
  }

  public String oneOf(Collection<String> allowed) {
    String value = string();
    if (value != null && !allowed.contains(value)) {
      problem(Json.quote(value) + " is not valid: use one of " + String.join(", ", allowed)
          + " (upper and lower case matter)");
      return null;
    }
    return value;
  }

  public Boolean bool() {
    if (json == null) {
      return null;
    }
    if (!json.isBoolean()) {
      problem("must be true or false, not " + describe(json));
      return null;
    }
    return json.booleanValue();
  }

  public Integer integer(long min, long max) {
    if (json == null) {
      return null;
    }
    if (!json.isIntegralNumber()) {
      problem("must be a whole number from " + min + " to " + max + ", not " + describe(json));
      return null;
    }
    if (!json.canConvertToLong() || json.longValue() < min || json.longValue() > max) {
      problem(json.asText() + " is out of range: use a whole number from " + min + " to " + max);
      return null;
    }
    return json.intValue();
  }

  public Double number(double min, double max) {
    if (json == null) {
      return null;
    }
    if (!json.isNumber()) {
      problem("must be a number from " + plain(min) + " to " + plain(max) + ", not " + describe(json));
      return null;
    }
    double value = json.doubleValue();
    if (!(value >= min && value <= max)) {
      problem(json.asText() + " is out of range: use a number from " + plain(min) + " to " + plain(max));
      return null;
    }
    return value;
  }

  /** A valid key within two edits of a mistyped one (case ignored), as {@code " (did you mean x?)"}. */
  private static String suggestion(String key, Collection<String> keys) {
    for (String candidate : keys) {
      if (distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= 2) {
        return " (did you mean " + candidate + "?)";
      }
    }
    return "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Escapes a key for use as a JSON pointer segment (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "the string " + Json.quote(value.textValue());
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "an object";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
