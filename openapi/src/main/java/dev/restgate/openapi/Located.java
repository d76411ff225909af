package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value of the document together with the JSON pointer of where it sits in the original document, so that every
 * problem found while reading it can say where it is.
 */
record Located(JsonNode node, String pointer) {

  static Located root(JsonNode document) {
    return new Located(document, "");
  }

  /** The member {@code name} of this object; a missing node (with its would-be pointer) when absent. */
  Located get(String name) {
    return new Located(node.path(name), pointer + "/" + escape(name));
  }

  Located get(int index) {
    return new Located(node.path(index), pointer + "/" + index);
  }

  /** Present and not {@code null}. */
  boolean exists() {
    return !node.isMissingNode() && !node.isNull();
  }

  boolean isObject() {
    return node.isObject();
  }

  /** The members of an object in document order; empty for anything else. */
  List<Map.Entry<String, Located>> fields() {
    List<Map.Entry<String, Located>> fields = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> fields.add(Map.entry(name, get(name))));
    }
    return fields;
  }

  /** The elements of an array; empty for anything else. */
  List<Located> elements() {
    List<Located> elements = new ArrayList<>();
    for (int i = 0; i < node.size() && node.isArray(); i++) {
      elements.add(get(i));
    }
    return elements;
  }

  /** {@code token} escaped for use as one JSON pointer segment (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
