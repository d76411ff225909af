package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of document values. A value of the wrong kind is reported as an error at its pointer and read as
 * absent ({@code null}), so one pass over the document finds every error.
 */
final class FieldReader {
  private final Problems problems;

  FieldReader(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** A string value, or null when absent. */
  String text(Located at) {
    if (!at.exists()) {
      return null;
    }
    if (!at.node().isTextual()) {
      problems.error(at, "must be a string");
      return null;
    }
    return at.node().textValue();
  }

  /** A string, number or boolean as text: YAML types {@code 200} and {@code 1.0} as numbers where a string is meant. */
  String scalar(Located at) {
    if (!at.exists()) {
      return null;
    }
    if (!at.node().isValueNode()) {
      problems.error(at, "must be a string");
      return null;
    }
    return at.node().asText();
  }

  /** The string member {@code name} of {@code parent}; reported at the parent when absent. */
  String required(Located parent, String name, String context) {
    Located at = parent.get(name);
    if (!at.exists()) {
      problems.error(parent, name + " is required" + context);
      return null;
    }
    return text(at);
  }

  Boolean bool(Located at) {
    if (!at.exists()) {
      return null;
    }
    if (!at.node().isBoolean()) {
      problems.error(at, "must be true or false");
      return null;
    }
    return at.node().booleanValue();
  }

  /** An integer within {@code min..max}; a string of digits is accepted too. */
  Integer integer(Located at, int min, int max) {
    if (!at.exists()) {
      return null;
    }
    JsonNode node = at.node();
    Long value = null;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.longValue();
    } else if (node.isTextual() && node.textValue().matches("-?\\d{1,18}")) {
      value = Long.parseLong(node.textValue());
    }
    if (value == null || value < min || value > max) {
      problems.error(at, "must be an integer from " + min + " to " + max + ", not " + node);
      return null;
    }
    return value.intValue();
  }

  /** An object of strings (a {@code null} value reads as the empty string); empty when absent. */
  Map<String, String> stringMap(Located at) {
    Map<String, String> map = new LinkedHashMap<>();
    if (!object(at)) {
      return map;
    }
    for (Map.Entry<String, Located> field : at.fields()) {
      JsonNode value = field.getValue().node();
      if (value.isNull()) {
        map.put(field.getKey(), "");
      } else if (value.isValueNode()) {
        map.put(field.getKey(), value.asText());
      } else {
        problems.error(field.getValue(), "must be a string");
      }
    }
    return map;
  }

  /** An array of strings; empty when absent. */
  List<String> stringList(Located at) {
    List<String> list = new ArrayList<>();
    if (!at.exists()) {
      return list;
    }
    if (!at.node().isArray()) {
      problems.error(at, "must be an array of strings");
      return list;
    }
    for (Located element : at.elements()) {
      String value = text(element);
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }

  /** Whether the value is an object; reports a value that exists but is not one. */
  boolean object(Located at) {
    if (!at.exists()) {
      return false;
    }
    if (!at.isObject()) {
      problems.error(at, "must be an object");
      return false;
    }
    return true;
  }

  /** One of {@code allowed} (given in canonical upper case), matched ignoring case; null when absent or invalid. */
  String choice(Located at, List<String> allowed) {
    String value = text(at);
    if (value == null) {
      return null;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    problems.error(at, "must be one of " + String.join(", ", allowed) + " (in any case), not '" + value + "'");
    return null;
  }
}
