package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.spi.ApiImporter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces {@code ${AWS::Region}}, {@code ${AWS::AccountId}} and {@code ${AWS::Partition}} in every string and
 * member name of the document, as AWS does on import.
 */
final class AwsVariables {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, String> values;
  private final Problems problems;

  private AwsVariables(ApiImporter.Options options, Problems problems) {
    this.problems = problems;
    this.values = new LinkedHashMap<>();
    values.put("${AWS::Region}", options.region());
    values.put("${AWS::AccountId}", options.accountId());
    values.put("${AWS::Partition}", options.partition() == null ? "aws" : options.partition());
  }

  /** A copy of {@code document} with the variables replaced; a variable without a configured value is an error. */
  static JsonNode substitute(JsonNode document, ApiImporter.Options options, Problems problems) {
    return new AwsVariables(options, problems).copy(document, "");
  }

  private JsonNode copy(JsonNode node, String pointer) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String childPointer = pointer + "/" + Located.escape(field.getKey());
        copy.set(replace(field.getKey(), childPointer), copy(field.getValue(), childPointer));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        copy.add(copy(node.get(i), pointer + "/" + i));
      }
      return copy;
    }
    if (node.isTextual()) {
      return NODES.textNode(replace(node.textValue(), pointer));
    }
    return node;
  }

  private String replace(String text, String pointer) {
    if (!text.contains("${AWS::")) {
      return text;
    }
    String result = text;
    for (Map.Entry<String, String> variable : values.entrySet()) {
      if (!result.contains(variable.getKey())) {
        continue;
      }
      if (variable.getValue() == null) {
        problems.error(pointer, variable.getKey() + " is used but the import has no value for it (set the "
            + (variable.getKey().contains("Region") ? "region" : "account id") + " of the import)");
      } else {
        result = result.replace(variable.getKey(), variable.getValue());
      }
    }
    return result;
  }
}
