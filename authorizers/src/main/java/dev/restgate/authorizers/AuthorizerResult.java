package dev.restgate.authorizers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.authorizers.iam.Policy;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Lambda authorizer answered, compiled once (and cached with it): the principal, the policy, the context
 * values stringified as AWS hands them on, and the usage identifier key.
 */
record AuthorizerResult(String principalId, Policy policy, Map<String, String> context, String usageIdentifierKey) {

  /**
   * Reads a Lambda authorizer's output.
   *
   * @throws IllegalArgumentException saying what is wrong, when AWS would refuse the output as malformed: not an
   *     object, no {@code principalId} or {@code policyDocument}, a policy that does not compile, a context value
   *     that is an object or an array
   */
  static AuthorizerResult parse(JsonNode output) {
    if (output == null || !output.isObject()) {
      throw new IllegalArgumentException("the output is not a JSON object");
    }
    JsonNode principal = output.get("principalId");
    if (principal == null || !(principal.isTextual() || principal.isNumber())) {
      throw new IllegalArgumentException("the output has no principalId string");
    }
    JsonNode document = output.get("policyDocument");
    if (document == null || !document.isObject()) {
      throw new IllegalArgumentException("the output has no policyDocument object");
    }
    Policy policy = Policy.authorizerResult(document);
    Map<String, String> context = new LinkedHashMap<>();
    JsonNode contextNode = output.get("context");
    if (contextNode != null && !contextNode.isNull()) {
      if (!contextNode.isObject()) {
        throw new IllegalArgumentException("context is not an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = contextNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode value = entry.getValue();
        if (value.isContainerNode()) {
          throw new IllegalArgumentException("context." + entry.getKey()
              + " is an object or array; context values must be strings, numbers or booleans");
        }
        if (!value.isNull()) {
          context.put(entry.getKey(), value.asText());
        }
      }
    }
    JsonNode key = output.get("usageIdentifierKey");
    String usageIdentifierKey = key != null && key.isTextual() ? key.textValue() : null;
    return new AuthorizerResult(principal.asText(), policy, context, usageIdentifierKey);
  }

  @Override
  public String toString() {
    return "AuthorizerResult[principalId=" + principalId + ", context=" + context.keySet() + "]";
  }
}
