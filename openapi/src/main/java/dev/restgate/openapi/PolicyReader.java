package dev.restgate.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.spi.ApiImporter;
import java.util.Map;

/**
 * Reads {@code x-amazon-apigateway-policy} (an object, or a string holding one) into JSON text, expanding resources
 * written {@code execute-api:/...} to {@code arn:{partition}:execute-api:{region}:{account}:{apiId}/...} as AWS does.
 */
final class PolicyReader {
  private static final String SHORT_RESOURCE = "execute-api:/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String arnPrefix;
  private final Problems problems;
  private boolean expanded;

  PolicyReader(ApiImporter.Options options, Problems problems) {
    this.problems = problems;
    this.arnPrefix = options.region() == null || options.accountId() == null ? null
        : "arn:" + (options.partition() == null ? "aws" : options.partition()) + ":execute-api:" + options.region()
            + ":" + options.accountId() + ":" + options.apiId() + "/";
  }

  /** The policy as compact JSON text, or null when absent or invalid (reported). */
  String read(Located at) {
    if (!at.exists()) {
      return null;
    }
    JsonNode policy = at.node();
    if (policy.isTextual()) {
      try {
        policy = JSON.readTree(policy.textValue());
      } catch (JsonProcessingException e) {
        problems.error(at, "The policy string is not JSON: " + e.getOriginalMessage());
        return null;
      }
    }
    if (!policy.isObject() || !policy.has("Statement")) {
      problems.error(at, "A policy must be an IAM policy document: an object with a Statement");
      return null;
    }
    JsonNode result = expand(policy);
    if (expanded && arnPrefix == null) {
      problems.error(at, "Resources written " + SHORT_RESOURCE + "... are expanded to ARNs with the region and "
          + "account id: set both for the import");
      return null;
    }
    return result.toString();
  }

  private JsonNode expand(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), expand(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(element -> copy.add(expand(element)));
      return copy;
    }
    if (node.isTextual() && node.textValue().startsWith(SHORT_RESOURCE)) {
      expanded = true;
      return arnPrefix == null ? node : NODES.textNode(arnPrefix + node.textValue().substring(SHORT_RESOURCE.length()));
    }
    return node;
  }
}
