package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/** Follows {@code $ref}s to parameters, responses, request bodies and headers within the document. */
final class Refs {
  private static final int MAX_HOPS = 16;

  private final Located root;
  private final Problems problems;

  Refs(Located root, Problems problems) {
    this.root = root;
    this.problems = problems;
  }

  /**
   * The value {@code at} stands for: itself, or what its {@code $ref} chain leads to (located where the target is
   * defined). Null after reporting a reference that leaves the document, leads nowhere or loops.
   */
  Located resolve(Located at) {
    Located current = at;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      JsonNode ref = current.node().path("$ref");
      if (!current.isObject() || ref.isMissingNode()) {
        return current;
      }
      Located refAt = current.get("$ref");
      if (!ref.isTextual()) {
        problems.error(refAt, "must be a string");
        return null;
      }
      String target = ref.textValue();
      if (!target.startsWith("#")) {
        problems.error(refAt, "External reference '" + target + "' is not supported: define it in this document");
        return null;
      }
      String pointer = target.substring(1);
      JsonNode node = pointer.startsWith("/") || pointer.isEmpty() ? root.node().at(pointer) : null;
      if (node == null || node.isMissingNode()) {
        problems.error(refAt, "Reference '" + target + "' does not lead to anything in this document");
        return null;
      }
      current = new Located(node, pointer);
    }
    problems.error(at, "Reference chain longer than " + MAX_HOPS + " (a cycle?)");
    return null;
  }
}
