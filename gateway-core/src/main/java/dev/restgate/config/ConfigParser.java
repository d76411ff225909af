package dev.restgate.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Parses a configuration file into a tree. The content decides the syntax: a document whose first character (after
 * a byte order mark and white space) is <code>{</code> is JSON, anything else YAML (see {@link YamlTree}).
 * Duplicate keys are errors in both, because silently keeping the last one hides mistakes.
 */
final class ConfigParser {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigParser() {}

  /** The document's tree (an empty object for an empty document), or null after reporting a syntax error. */
  static JsonNode parse(byte[] document, Problems problems) {
    boolean json = isJson(document);
    try {
      JsonNode tree = json ? JSON.readTree(document) : YamlTree.read(document);
      return tree == null || tree.isMissingNode() || tree.isNull() ? JSON.createObjectNode() : tree;
    } catch (JsonProcessingException e) {
      problems.add("",
          "is not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage() + at(e.getLocation()));
      return null;
    } catch (IOException e) {
      problems.add("", "cannot be parsed: " + e.getMessage());
      return null;
    }
  }

  private static boolean isJson(byte[] document) {
    int i = document.length >= 3 && (document[0] & 0xff) == 0xef && (document[1] & 0xff) == 0xbb
        && (document[2] & 0xff) == 0xbf ? 3 : 0;
    while (i < document.length && Character.isWhitespace(document[i])) {
      i++;
    }
    return i < document.length && document[i] == '{';
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
