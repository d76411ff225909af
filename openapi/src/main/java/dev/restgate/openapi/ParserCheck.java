package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the document's OpenAPI structure with swagger-parser and turns its messages into problems located by JSON
 * pointer. Wrong types are errors; missing and unexpected members are warnings, because AWS imports documents that
 * lack what the specification requires (the console's PetStore has no {@code info.version}). Members of
 * {@code info} only describe the API, so a YAML number as {@code info.version} is a warning too.
 */
final class ParserCheck {
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute (.+?) (is .*)", Pattern.DOTALL);
  private static final Pattern RESOURCE = Pattern.compile("paths\\. Resource (.+) should start with /");

  private ParserCheck() {}

  /**
   * Adds swagger-parser's findings to {@code problems}, except where the importer already reported an error at the
   * same place, or a warning about the very member the parser finds unexpected (the importer's message says more).
   */
  static void check(JsonNode document, SpecVersion version, Problems problems) {
    List<String> messages;
    try {
      messages = version == SpecVersion.SWAGGER_2
          ? new SwaggerDeserializer().deserialize(document.deepCopy()).getMessages()
          : new OpenAPIDeserializer().deserialize(document.deepCopy()).getMessages();
    } catch (RuntimeException e) {
      problems.warning("", "The OpenAPI structure check failed (" + e + "); only the importer's own checks ran");
      return;
    }
    // Compared with the importer's problems only: two parser messages may well point at the same object.
    List<Finding> findings = new ArrayList<>();
    for (String message : messages == null ? List.<String>of() : messages) {
      Finding finding = locate(message, document);
      if (finding != null && !problems.hasErrorAt(finding.pointer())
          && !(message.endsWith(" is unexpected") && problems.hasWarningAt(finding.pointer()))) {
        findings.add(finding);
      }
    }
    for (Finding finding : findings) {
      if (finding.message().contains(" is not of type ") && !finding.pointer().startsWith("/info")) {
        problems.error(finding.pointer(), finding.message());
      } else {
        problems.warning(finding.pointer(), finding.message());
      }
    }
  }

  /** A parser message and the pointer of what it is about. */
  record Finding(String pointer, String message) {}

  /**
   * The finding of a message, or null for a false one: the parser calls an empty object "missing" (AWS exports
   * proxy methods with {@code responses: {}}), so a member reported missing that exists is not reported.
   */
  static Finding locate(String message, JsonNode document) {
    Matcher attribute = ATTRIBUTE.matcher(message);
    if (attribute.matches()) {
      Walk walk = walk(attribute.group(1), document);
      return attribute.group(2).equals("is missing") && walk.complete() ? null : new Finding(walk.pointer(), message);
    }
    Matcher resource = RESOURCE.matcher(message);
    if (resource.matches()) {
      return new Finding("/paths/" + Located.escape(resource.group(1)), message);
    }
    return new Finding("", message);
  }

  /** How far a swagger-parser location leads into the document. */
  private record Walk(String pointer, boolean complete) {}

  /**
   * The pointer of the deepest existing value along a swagger-parser location such as
   * {@code paths.'/pets/{id}'(get).parameters.[limit].in}: quoted keys, {@code (verb)} operations and
   * {@code [name]} parameters.
   */
  static String pointer(String location, JsonNode document) {
    return walk(location, document).pointer();
  }

  private static Walk walk(String location, JsonNode document) {
    Located current = Located.root(document);
    for (String token : tokens(location)) {
      Located next;
      if (token.startsWith("[")) {
        Located parameters = current.node().isArray() ? current : current.get("parameters");
        next = parameterNamed(parameters, token.substring(1, token.length() - 1));
      } else {
        next = current.get(token);
      }
      if (next == null || next.node().isMissingNode()) {
        return new Walk(current.pointer(), false);
      }
      current = next;
    }
    return new Walk(current.pointer(), true);
  }

  private static Located parameterNamed(Located parameters, String name) {
    for (Located parameter : parameters.elements()) {
      if (parameter.node().path("name").asText().equals(name)) {
        return parameter;
      }
    }
    return null;
  }

  private static List<String> tokens(String location) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < location.length(); i++) {
      char c = location.charAt(i);
      if (c == '\'' && token.isEmpty()) {
        int end = location.indexOf('\'', i + 1);
        end = end < 0 ? location.length() : end;
        tokens.add(location.substring(i + 1, end));
        i = end;
      } else if (c == '(' && token.isEmpty()) {
        int end = location.indexOf(')', i);
        end = end < 0 ? location.length() : end;
        tokens.add(location.substring(i + 1, end));
        i = end;
      } else if (c == '[' && token.isEmpty()) {
        int end = matchingBracket(location, i);
        tokens.add(location.substring(i, end + 1));
        i = end;
      } else if (c == '.') {
        if (!token.isEmpty()) {
          tokens.add(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (!token.isEmpty()) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  /** Parameter names come bracketed, and an unnamed one as {@code [['unknown']]}. */
  private static int matchingBracket(String location, int open) {
    int depth = 0;
    for (int i = open; i < location.length(); i++) {
      char c = location.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return location.length() - 1;
  }
}
