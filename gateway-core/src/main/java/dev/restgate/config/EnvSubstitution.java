package dev.restgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.restgate.spi.Json;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces <code>${env:NAME}</code> and <code>${env:NAME:-default}</code> in every string value of the tree (keys
 * are left alone), so that secrets stay out of the file. As in a shell, the default applies when the variable is
 * unset or empty; an unset variable without a default is an error. <code>$${env:...}</code> stands for the literal
 * text <code>${env:...}</code>. Substituted values stay strings.
 */
final class EnvSubstitution {
  private static final Pattern REFERENCE = Pattern.compile("(\\$?)\\$\\{env:([^}]*)(}|$)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Function<String, String> environment;

  EnvSubstitution(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Substitutes in place. */
  void apply(JsonNode node, String pointer, Problems problems) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> entry : new ArrayList<>(object.properties())) {
        String child = pointer + "/" + ConfigNode.escape(entry.getKey());
        if (entry.getValue().isTextual()) {
          object.set(entry.getKey(), TextNode.valueOf(substitute(entry.getValue().textValue(), child, problems)));
        } else {
          apply(entry.getValue(), child, problems);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = pointer + "/" + i;
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(substitute(array.get(i).textValue(), child, problems)));
        } else {
          apply(array.get(i), child, problems);
        }
      }
    }
  }

  private String substitute(String text, String pointer, Problems problems) {
    if (!text.contains("${env:")) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement(matcher, pointer, problems)));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private String replacement(Matcher reference, String pointer, Problems problems) {
    if (!reference.group(1).isEmpty()) {
      return reference.group().substring(1);
    }
    if (reference.group(3).isEmpty()) {
      problems.add(pointer, "has an unclosed " + Json.quote(reference.group()) + "; write ${env:NAME} or "
          + "${env:NAME:-default}, or $${env: for the literal text");
      return "";
    }
    String body = reference.group(2);
    int dash = body.indexOf(":-");
    String name = dash < 0 ? body : body.substring(0, dash);
    String fallback = dash < 0 ? null : body.substring(dash + 2);
    if (!NAME.matcher(name).matches()) {
      problems.add(pointer, Json.quote(name) + " in " + Json.quote(reference.group())
          + " is not an environment variable name; use letters, digits and '_', not starting with a digit");
      return "";
    }
    String value = environment.apply(name);
    if ((value == null || value.isEmpty()) && fallback != null) {
      return fallback;
    }
    if (value == null) {
      problems.add(pointer, "environment variable " + name + " is not set; set it, or give a default with "
          + "${env:" + name + ":-default}");
      return "";
    }
    return value;
  }
}
