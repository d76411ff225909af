package dev.restgate.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.restgate.config.ApiConfig;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.ManagedConfiguration.Snapshot;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls that create and change REST APIs, their deployments and their stages at run time: {@code CreateRestApi},
 * {@code ImportRestApi}, {@code PutRestApi} (merge and overwrite), {@code DeleteRestApi}, {@code CreateDeployment},
 * {@code DeleteDeployment}, {@code CreateStage}, {@code UpdateStage}, {@code DeleteStage}. An API made at run time
 * is a {@code restApis} entry of the objects created at run time ({@link ManagedConfiguration}) with its current
 * definition inline in {@code body}; each deployment carries its own copy of the definition it froze, so later
 * imports never change what a stage serves.
 */
final class RestApiCalls {
  /** AWS's limit on an API definition. */
  static final int MAX_DEFINITION_BYTES = 6 * 1024 * 1024;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> BASEPATHS = List.of("ignore", "prepend", "split");
  /** Top-level members of a definition that a merge combines entry by entry, and how many levels deep. */
  private static final Map<String, Integer> MERGED = Map.of("paths", 2, "components", 2, "definitions", 1,
      "securityDefinitions", 1, "parameters", 1, "responses", 1, "x-amazon-apigateway-gateway-responses", 1,
      "x-amazon-apigateway-request-validators", 1);
  private static final Set<String> STAGE_FIELDS = Set.of("stageName", "deploymentId", "description", "variables",
      "methodSettings", "canarySettings", "cacheClusterEnabled", "cacheClusterSize", "tracingEnabled",
      "accessLogSettings", "tags");

  private final ManagedConfiguration managed;

  /** A deployment made, and its API as now served. */
  record Deployed(ApiConfig api, String deploymentId) {}

  RestApiCalls(ManagedConfiguration managed) {
    this.managed = managed;
  }

  /** Whether the API of this id was created at run time. */
  static boolean isManaged(ManagedConfiguration managed, String apiId) {
    return ManagedCalls.find(managed.read().document().withArray("restApis"), "id", apiId) != null;
  }

  /** {@code CreateRestApi}: an API without resources but its root, named {@code name}. */
  ApiConfig create(JsonNode request) throws ApiError {
    String name = request.path("name").asText("");
    if (name.isBlank()) {
      throw ApiError.badRequest("Invalid REST API name specified: name is required");
    }
    ObjectNode definition = Views.JSON.createObjectNode().put("swagger", "2.0");
    ObjectNode info = definition.putObject("info").put("title", name)
        .put("version", request.path("version").asText("1.0"));
    if (request.hasNonNull("description")) {
      info.put("description", request.get("description").asText());
    }
    if (request.path("binaryMediaTypes").isArray()) {
      definition.set("x-amazon-apigateway-binary-media-types", request.get("binaryMediaTypes").deepCopy());
    }
    if (request.hasNonNull("apiKeySource")) {
      definition.put("x-amazon-apigateway-api-key-source", request.get("apiKeySource").asText());
    }
    definition.putObject("paths");
    return add(definition, "ignore", false);
  }

  /** {@code ImportRestApi}: a new API from an OpenAPI definition, JSON or YAML. */
  ApiConfig importApi(byte[] body, Map<String, List<String>> query) throws ApiError {
    return add(definition(body), basepath(query), failOnWarnings(query));
  }

  private ApiConfig add(ObjectNode definition, String basepath, boolean failOnWarnings) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    String id = ManagedCalls.random(ManagedCalls.ALPHABET, 10);
    ObjectNode api = document.withArray("restApis").addObject();
    api.put("id", id);
    api.put("createdDate", now());
    api.set("body", definition);
    putImportOptions(api, basepath, failOnWarnings);
    api.putArray("deployments");
    return ManagedCalls.apply(managed, snapshot).restApi(id).orElseThrow();
  }

  /** {@code PutRestApi}: the API's current definition merged with, or overwritten by, {@code body}. */
  ApiConfig put(String apiId, byte[] body, Map<String, List<String>> query) throws ApiError {
    String mode = UsagePlanCalls.first(query, "mode");
    if (mode != null && !mode.equals("merge") && !mode.equals("overwrite")) {
      throw ApiError.badRequest("Enumeration value of OpenAPI import mode must be \"overwrite\" or \"merge\"");
    }
    ObjectNode incoming = definition(body);
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode api = entry(document, apiId);
    api.set("body", "overwrite".equals(mode) ? incoming : merge(api.with("body"), incoming));
    putImportOptions(api, basepath(query), failOnWarnings(query));
    return ManagedCalls.apply(managed, snapshot).restApi(apiId).orElseThrow();
  }

  /** {@code DeleteRestApi}. */
  void delete(String apiId) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ManagedCalls.remove(document.withArray("restApis"), "id", apiId);
    ManagedCalls.apply(managed, snapshot);
  }

  /**
   * {@code CreateDeployment}: a snapshot of the current definition; with {@code stageName} the stage then serves it
   * (created when new), or, with {@code canarySettings}, the stage's canary does.
   */
  Deployed createDeployment(String apiId, JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode api = entry(document, apiId);
    String id = ManagedCalls.random(ManagedCalls.ALPHABET, 6);
    ObjectNode deployment = api.withArray("deployments").addObject();
    deployment.put("id", id);
    ManagedCalls.copyText(request, deployment, "description");
    deployment.put("createdDate", now());
    deployment.set("body", api.get("body").deepCopy());
    deployment.set("basepath", api.get("basepath"));
    deployment.set("failOnWarnings", api.get("failOnWarnings"));
    String stageName = request.path("stageName").asText(null);
    if (stageName != null && !stageName.isEmpty()) {
      ObjectNode stage = ManagedCalls.find(api.withArray("stages"), "stageName", stageName);
      if (request.path("canarySettings").isObject()) {
        if (stage == null) {
          throw ApiError.badRequest("Invalid stage identifier specified: a canary deployment needs the stage "
              + stageName + " to exist");
        }
        ObjectNode canary = request.get("canarySettings").deepCopy();
        canary.put("deploymentId", id);
        stage.set("canarySettings", canary);
      } else if (stage == null) {
        stage = api.withArray("stages").addObject().put("stageName", stageName).put("deploymentId", id);
        ManagedCalls.copyText(request, stage, "stageDescription");
        if (stage.has("stageDescription")) {
          stage.set("description", stage.remove("stageDescription"));
        }
        for (String field : new String[] {"variables", "cacheClusterEnabled", "cacheClusterSize",
            "tracingEnabled"}) {
          if (request.hasNonNull(field)) {
            stage.set(field, request.get(field).deepCopy());
          }
        }
      } else {
        stage.put("deploymentId", id);
        if (request.path("variables").isObject()) {
          stage.with("variables").setAll((ObjectNode) request.get("variables").deepCopy());
        }
      }
    }
    if (api.get("body").path("paths").isEmpty()) {
      throw ApiError.badRequest("The REST API doesn't contain any methods");
    }
    return new Deployed(ManagedCalls.apply(managed, snapshot).restApi(apiId).orElseThrow(), id);
  }

  /** {@code DeleteDeployment}: refused while a stage or a canary serves it. */
  void deleteDeployment(String apiId, String deploymentId) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode api = entry(document, apiId);
    for (JsonNode stage : api.withArray("stages")) {
      if (deploymentId.equals(stage.path("deploymentId").asText())
          || deploymentId.equals(stage.path("canarySettings").path("deploymentId").asText())) {
        throw ApiError.badRequest("Active stages pointing to this deployment must be moved or deleted");
      }
    }
    ManagedCalls.remove(api.withArray("deployments"), "id", deploymentId);
    ManagedCalls.apply(managed, snapshot);
  }

  /** {@code CreateStage}: a stage serving one of the API's deployments. */
  ApiConfig createStage(String apiId, JsonNode request) throws ApiError {
    String stageName = request.path("stageName").asText("");
    if (stageName.isEmpty() || !request.hasNonNull("deploymentId")) {
      throw ApiError.badRequest("stageName and deploymentId are required");
    }
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode api = entry(document, apiId);
    if (ManagedCalls.find(api.withArray("stages"), "stageName", stageName) != null) {
      throw ApiError.conflict("Stage already exists");
    }
    if (ManagedCalls.find(api.withArray("deployments"), "id", request.get("deploymentId").asText()) == null) {
      throw ApiError.badRequest("Deployment id does not exist");
    }
    ObjectNode stage = api.withArray("stages").addObject();
    request.fields().forEachRemaining(field -> {
      if (STAGE_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
        stage.set(field.getKey(), field.getValue().deepCopy());
      }
    });
    return ManagedCalls.apply(managed, snapshot).restApi(apiId).orElseThrow();
  }

  /** {@code UpdateStage}: the patch operations of {@link StagePatch}. */
  ApiConfig updateStage(String apiId, String stageName, JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode stage = stage(entry(document, apiId), stageName);
    StagePatch.apply(stage, request.path("patchOperations"));
    return ManagedCalls.apply(managed, snapshot).restApi(apiId).orElseThrow();
  }

  /** {@code DeleteStage}. */
  void deleteStage(String apiId, String stageName) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode api = entry(document, apiId);
    stage(api, stageName);
    ManagedCalls.remove(api.withArray("stages"), "stageName", stageName);
    ManagedCalls.apply(managed, snapshot);
  }

  /** Whether the stage belongs to an API created at run time (only such stages change). */
  static boolean hasStage(ManagedConfiguration managed, String apiId, String stageName) {
    ObjectNode api = ManagedCalls.find(managed.read().document().withArray("restApis"), "id", apiId);
    return api != null && ManagedCalls.find(api.withArray("stages"), "stageName", stageName) != null;
  }

  private static ObjectNode stage(ObjectNode api, String stageName) throws ApiError {
    ObjectNode stage = ManagedCalls.find(api.withArray("stages"), "stageName", stageName);
    if (stage == null) {
      throw ApiError.notFound("Invalid stage identifier specified");
    }
    return stage;
  }

  private static ObjectNode entry(ObjectNode document, String apiId) throws ApiError {
    ObjectNode api = ManagedCalls.find(document.withArray("restApis"), "id", apiId);
    if (api == null) {
      throw ApiError.notFound("Invalid API identifier specified " + apiId);
    }
    return api;
  }

  /** The definition in a request body: an OpenAPI document as JSON or YAML, at most 6 MB. */
  static ObjectNode definition(byte[] body) throws ApiError {
    if (body.length == 0) {
      throw ApiError.badRequest("Invalid OpenAPI input.");
    }
    if (body.length > MAX_DEFINITION_BYTES) {
      throw ApiError.badRequest("The API definition is " + body.length + " bytes; at most " + MAX_DEFINITION_BYTES
          + " bytes (6 MB) are imported");
    }
    try {
      JsonNode tree = YAML.readTree(body);
      if (tree instanceof ObjectNode object && (object.has("swagger") || object.has("openapi"))) {
        return object;
      }
      throw ApiError.badRequest("Invalid OpenAPI input.");
    } catch (IOException e) {
      throw ApiError.badRequest("Invalid OpenAPI input.");
    }
  }

  /**
   * The current definition merged with {@code incoming}: its paths' operations, schemas, security schemes,
   * gateway responses and validators replace those of the same name, and everything else it does not name stays.
   */
  static ObjectNode merge(ObjectNode current, ObjectNode incoming) throws ApiError {
    if (current.has("swagger") != incoming.has("swagger")) {
      throw ApiError.badRequest("Invalid OpenAPI input: a merge needs the same OpenAPI version as the API's "
          + "definition (" + (current.has("swagger") ? "2.0" : "3.x") + "); use mode=overwrite to replace it");
    }
    ObjectNode merged = current.deepCopy();
    incoming.fields().forEachRemaining(field -> mergeInto(merged, field.getKey(), field.getValue(),
        MERGED.getOrDefault(field.getKey(), 0)));
    return merged;
  }

  private static void mergeInto(ObjectNode target, String key, JsonNode value, int depth) {
    JsonNode existing = target.get(key);
    if (depth > 0 && existing instanceof ObjectNode into && value.isObject()) {
      value.fields().forEachRemaining(field -> mergeInto(into, field.getKey(), field.getValue(), depth - 1));
    } else {
      target.set(key, value.deepCopy());
    }
  }

  private static String basepath(Map<String, List<String>> query) throws ApiError {
    String basepath = UsagePlanCalls.first(query, "basepath");
    if (basepath != null && !BASEPATHS.contains(basepath)) {
      throw ApiError.badRequest("Invalid basepath specified: " + basepath + " (use ignore, prepend or split)");
    }
    return basepath == null ? "ignore" : basepath;
  }

  private static boolean failOnWarnings(Map<String, List<String>> query) {
    return "true".equalsIgnoreCase(UsagePlanCalls.first(query, "failonwarnings"));
  }

  private static void putImportOptions(ObjectNode api, String basepath, boolean failOnWarnings) {
    api.put("basepath", basepath);
    api.put("failOnWarnings", failOnWarnings);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
