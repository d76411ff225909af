package dev.restgate.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads the document's bytes as JSON (when they start with a brace) or YAML into a tree. */
final class DocumentReader {
  /** Above the 6 MB AWS accepts for a definition, so any document AWS imports can be read. */
  private static final int MAX_YAML_CODE_POINTS = 8 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(yamlLimits()).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DocumentReader() {}

  /** The document's root object, or null after reporting (at pointer "") why there is none. */
  static JsonNode read(byte[] bytes, Problems problems) {
    int first = firstSignificant(bytes);
    if (first < 0) {
      problems.error("", "The document is empty; expected an OpenAPI 3.0 or Swagger 2.0 document in JSON or YAML");
      return null;
    }
    boolean json = bytes[first] == '{' || bytes[first] == '[';
    JsonNode root;
    try {
      root = (json ? JSON : YAML).readTree(bytes);
    } catch (JsonProcessingException e) {
      problems.error("", "The document is not valid " + (json ? "JSON" : "YAML") + ": " + describe(e));
      return null;
    } catch (IOException e) {
      problems.error("", "The document could not be read: " + e.getMessage());
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.error("", "The document must be a JSON or YAML object (an OpenAPI 3.0 or Swagger 2.0 document)");
      return null;
    }
    return root;
  }

  private static int firstSignificant(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
        ? 3 : 0;
    for (; i < bytes.length; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return yaml.getProblem() + context + at(yaml.getProblemMark().getLine() + 1,
          yaml.getProblemMark().getColumn() + 1);
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    // Jackson names the source as REDACTED; the line and column are what helps.
    String first = (newline < 0 ? message : message.substring(0, newline)).replaceAll("\\[Source: [^;]*; ", "[")
        .strip();
    JsonLocation location = e.getLocation();
    return location != null && location.getLineNr() > 0
        ? first + at(location.getLineNr(), location.getColumnNr()) : first;
  }

  private static String at(int line, int column) {
    return " at line " + line + ", column " + column;
  }

  private static LoaderOptions yamlLimits() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_YAML_CODE_POINTS);
    return options;
  }
}
