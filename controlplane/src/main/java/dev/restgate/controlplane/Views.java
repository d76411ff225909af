package dev.restgate.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.ApiConfig;
import dev.restgate.model.Deployment;
import dev.restgate.model.Integration;
import dev.restgate.model.IntegrationResponse;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the management API (AWS's wire names, timestamps in epoch seconds) for the objects of the
 * configuration.
 */
final class Views {
  static final ObjectMapper JSON = new ObjectMapper();

  private Views() {}

  private static Instant created(Deployment deployment) {
    return deployment.createdDate() == null ? Instant.EPOCH : deployment.createdDate();
  }

  static ObjectNode restApi(ApiConfig api) {
    RestApi current = api.definition();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", api.id());
    node.put("name", current.name());
    putIfPresent(node, "description", current.description());
    node.put("createdDate", api.createdDate().getEpochSecond());
    putIfPresent(node, "version", current.version());
    if (!current.binaryMediaTypes().isEmpty()) {
      node.set("binaryMediaTypes", JSON.valueToTree(current.binaryMediaTypes()));
    }
    if (current.minimumCompressionSize() != null) {
      node.put("minimumCompressionSize", current.minimumCompressionSize());
    }
    node.put("apiKeySource", current.apiKeySource() == null ? "HEADER" : current.apiKeySource());
    node.set("endpointConfiguration", current.endpointConfiguration() == null
        ? JSON.createObjectNode().set("types", JSON.createArrayNode().add("EDGE"))
        : JSON.valueToTree(current.endpointConfiguration()));
    putIfPresent(node, "policy", current.policy());
    if (!current.tags().isEmpty()) {
      node.set("tags", JSON.valueToTree(current.tags()));
    }
    node.put("disableExecuteApiEndpoint", Boolean.TRUE.equals(current.disableExecuteApiEndpoint()));
    current.resources().stream().filter(r -> r.path().equals("/")).findFirst()
        .ifPresent(root -> node.put("rootResourceId", root.id()));
    if (!current.warnings().isEmpty()) {
      node.set("warnings", JSON.valueToTree(current.warnings()));
    }
    return node;
  }

  /** A resource; its methods whole with {@code embed=methods}, else by name only, as AWS shows them. */
  static ObjectNode resource(Resource resource, boolean embedMethods) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", resource.id());
    putIfPresent(node, "parentId", resource.parentId());
    putIfPresent(node, "pathPart", resource.pathPart());
    node.put("path", resource.path());
    if (!resource.resourceMethods().isEmpty()) {
      ObjectNode methods = node.putObject("resourceMethods");
      for (Map.Entry<String, Method> method : resource.resourceMethods().entrySet()) {
        methods.set(method.getKey(), embedMethods ? method(method.getValue()) : JSON.createObjectNode());
      }
    }
    return node;
  }

  static ObjectNode method(Method method) {
    ObjectNode node = JSON.valueToTree(method);
    if (method.methodIntegration() != null) {
      node.set("methodIntegration", integration(method.methodIntegration()));
    }
    return node;
  }

  /**
   * An integration, its responses keyed by status code as AWS's resource model keys them (an OpenAPI definition
   * keys them by selection pattern, which stays in each response's {@code selectionPattern}).
   */
  static ObjectNode integration(Integration integration) {
    ObjectNode node = JSON.valueToTree(integration);
    if (!integration.integrationResponses().isEmpty()) {
      ObjectNode responses = node.putObject("integrationResponses");
      for (IntegrationResponse response : integration.integrationResponses().values()) {
        responses.set(response.statusCode(), JSON.valueToTree(response));
      }
    }
    return node;
  }

  static ObjectNode deployment(Deployment deployment) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", deployment.id());
    putIfPresent(node, "description", deployment.description());
    node.put("createdDate", created(deployment).getEpochSecond());
    return node;
  }

  static ObjectNode stage(Stage stage) {
    ObjectNode node = JSON.valueToTree(stage);
    boolean cached = Boolean.TRUE.equals(stage.cacheClusterEnabled());
    node.put("cacheClusterEnabled", cached);
    node.put("cacheClusterStatus", cached ? "AVAILABLE" : "NOT_AVAILABLE");
    node.put("tracingEnabled", Boolean.TRUE.equals(stage.tracingEnabled()));
    return node;
  }

  /**
   * One page of a collection: {@code {"item": [...], "position": "..."}}, the position present while more follow.
   *
   * @param position where the page starts, as an earlier page gave it, or null for the first
   * @param limit 1 to 500, default 25
   */
  static ObjectNode page(List<? extends JsonNode> items, String position, String limit) throws ApiError {
    int start = parse(position, 0, Integer.MAX_VALUE, "Invalid position specified");
    int size = limit == null ? 25 : parse(limit, 1, 500, "Invalid limit specified: limit must be between 1 and 500");
    ObjectNode page = JSON.createObjectNode();
    ArrayNode item = page.putArray("item");
    int end = (int) Math.min(items.size(), (long) start + size);
    for (int i = Math.min(start, items.size()); i < end; i++) {
      item.add(items.get(i));
    }
    if (end < items.size()) {
      page.put("position", Integer.toString(end));
    }
    return page;
  }

  private static int parse(String text, int min, int max, String message) throws ApiError {
    if (text == null) {
      return min;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw ApiError.badRequest(message);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(message);
    }
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
