package dev.restgate.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.ManagedConfiguration.Snapshot;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.UsagePlanDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calls that create and change objects at run time, so far API keys ({@code CreateApiKey},
 * {@code UpdateApiKey}, {@code DeleteApiKey}), usage plans ({@code CreateUsagePlan}, {@code UpdateUsagePlan},
 * {@code DeleteUsagePlan}) and the keys in them ({@code CreateUsagePlanKey}, {@code DeleteUsagePlanKey}). Each
 * writes the objects created at run time in the configuration file's own format ({@link ManagedConfiguration}),
 * which checks the whole configuration, stores it and swaps it in before the call answers; objects the file
 * declares stay read-only.
 */
final class ManagedCalls {
  static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String VALUE_ALPHABET = ALPHABET + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ManagedConfiguration managed;
  private final UsagePlanDirectory directory;

  ManagedCalls(ManagedConfiguration managed, UsagePlanDirectory directory) {
    this.managed = managed;
    this.directory = directory;
  }

  /** Whether the key of this id was created at run time. */
  static boolean isManagedKey(ManagedConfiguration managed, String id) {
    return find(managed.read().document().withArray("apiKeys"), "id", id) != null;
  }

  /**
   * {@code CreateApiKey}: a new key, its value given or generated, disabled unless {@code enabled}.
   *
   * @return the key as AWS shows it, value included
   */
  ObjectNode createApiKey(JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode key = document.withArray("apiKeys").addObject();
    String id = random(ALPHABET, 10);
    key.put("id", id);
    key.put("value", request.hasNonNull("value") ? request.get("value").asText() : random(VALUE_ALPHABET, 40));
    copyText(request, key, "name");
    copyText(request, key, "description");
    copyText(request, key, "customerId");
    key.put("enabled", request.path("enabled").asBoolean(false));
    if (request.path("stageKeys").isArray()) {
      ArrayNode stageKeys = key.putArray("stageKeys");
      request.get("stageKeys").forEach(stageKey -> stageKeys.add(stageKey.path("restApiId").asText() + "/"
          + stageKey.path("stageName").asText()));
    }
    if (request.path("tags").isObject()) {
      key.set("tags", request.get("tags").deepCopy());
    }
    replace(snapshot);
    return key.deepCopy();
  }

  /**
   * {@code UpdateApiKey}: {@code replace} of {@code /name}, {@code /description}, {@code /customerId} or
   * {@code /enabled}.
   */
  ObjectNode updateApiKey(String id, JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode key = find(document.withArray("apiKeys"), "id", id);
    for (JsonNode operation : request.path("patchOperations")) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      if (!op.equals("replace")) {
        throw ApiError.badRequest("Invalid patch operation specified. Must be 'replace' for " + path);
      }
      switch (path) {
        case "/name", "/description", "/customerId" -> key.put(path.substring(1), operation.path("value").asText());
        case "/enabled" -> key.put("enabled", Boolean.parseBoolean(operation.path("value").asText()));
        default -> throw ApiError.badRequest("Invalid patch path  '" + path + "' specified for op 'replace'. Must "
            + "be one of: [/name, /description, /customerId, /enabled]");
      }
    }
    replace(snapshot);
    ObjectNode shown = key.deepCopy();
    shown.remove("value");
    return shown;
  }

  /** {@code DeleteApiKey}: the key, and its place in the usage plans that were given it at run time. */
  void deleteApiKey(String id) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    remove(document.withArray("apiKeys"), "id", id);
    remove(document.withArray("usagePlanKeys"), "keyId", id);
    replace(snapshot);
  }

  /**
   * {@code ImportApiKeys}: the keys of an API key file, each added (or, when a key made at run time has the same
   * value, replacing it, as AWS replaces it) and put in its usage plans. Rows that cannot be imported are warnings;
   * with {@code failOnWarnings} any warning refuses the whole file.
   *
   * @return AWS's answer, {@code {"ids": [...], "warnings": [...]}}
   */
  ObjectNode importApiKeys(String csv, boolean failOnWarnings) throws ApiError {
    ObjectNode answer = Views.JSON.createObjectNode();
    ArrayNode ids = answer.putArray("ids");
    ArrayNode warnings = answer.putArray("warnings");
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ArrayNode keys = document.withArray("apiKeys");
    ArrayNode planKeys = document.withArray("usagePlanKeys");
    for (ApiKeyCsv.Row row : ApiKeyCsv.parse(csv)) {
      if (row.problem() != null) {
        warnings.add("Line " + row.line() + " was not imported: " + row.problem());
        continue;
      }
      if (directory.apiKeys().stream().anyMatch(k -> row.key().equals(k.value()))
          && find(keys, "value", row.key()) == null) {
        warnings.add("Line " + row.line() + " was not imported: its key is declared in " + managed.declaredIn()
            + ", which is read-only here");
        continue;
      }
      ObjectNode key = find(keys, "value", row.key());
      if (key == null) {
        key = keys.addObject().put("id", random(ALPHABET, 10)).put("value", row.key());
      }
      key.put("name", row.name()).put("enabled", row.enabled());
      if (!row.description().isEmpty()) {
        key.put("description", row.description());
      }
      String id = key.get("id").asText();
      for (String plan : row.usagePlanIds()) {
        if (!inPlan(planKeys, plan, id)) {
          planKeys.addObject().put("usagePlanId", plan).put("keyId", id);
        }
      }
      ids.add(id);
    }
    if (failOnWarnings && !warnings.isEmpty()) {
      throw ApiError.badRequest("The API key file has warnings and failonwarnings is set: "
          + String.join("; ", texts(warnings)));
    }
    replace(snapshot);
    return answer;
  }

  /** Whether the key is in the plan already, by the file or at run time. */
  private boolean inPlan(ArrayNode planKeys, String plan, String keyId) {
    for (JsonNode entry : planKeys) {
      if (entry.path("usagePlanId").asText().equals(plan) && entry.path("keyId").asText().equals(keyId)) {
        return true;
      }
    }
    return directory.usagePlanKeys().stream().anyMatch(k -> k.usagePlanId().equals(plan) && k.keyId().equals(keyId));
  }

  private static List<String> texts(ArrayNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /**
   * {@code TagResource} ({@code tags} added or replaced) and {@code UntagResource} ({@code remove} taken away) on an
   * object made at run time: a key, a plan, or a stage of an API.
   *
   * @param entryOf finds the object in the objects created at run time; null when it is not one of them
   * @return false when the object was not made at run time
   */
  static boolean tag(ManagedConfiguration managed, Function<ObjectNode, ObjectNode> entryOf, JsonNode tags,
      List<String> remove) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode entry = entryOf.apply(snapshot.document());
    if (entry == null) {
      return false;
    }
    ObjectNode current = entry.with("tags");
    if (tags != null) {
      tags.fields().forEachRemaining(tag -> current.put(tag.getKey(), tag.getValue().asText()));
    }
    remove.forEach(current::remove);
    apply(managed, snapshot);
    return true;
  }

  /** Whether the usage plan of this id was created at run time. */
  static boolean isManagedPlan(ManagedConfiguration managed, String id) {
    return find(managed.read().document().withArray("usagePlans"), "id", id) != null;
  }

  /**
   * {@code CreateUsagePlan}: {@code name}, {@code description}, {@code apiStages} (with their method throttles),
   * {@code throttle}, {@code quota}, {@code tags}, in AWS's shapes, which are the configuration file's.
   */
  ObjectNode createUsagePlan(JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode plan = document.withArray("usagePlans").addObject();
    plan.put("id", random(ALPHABET, 6));
    for (String field : new String[] {"name", "description", "apiStages", "throttle", "quota", "tags"}) {
      if (request.hasNonNull(field)) {
        plan.set(field, request.get(field).deepCopy());
      }
    }
    replace(snapshot);
    return plan.deepCopy();
  }

  /**
   * {@code UpdateUsagePlan}: {@code replace} of {@code /name}, {@code /description}, {@code /throttle/burstLimit},
   * {@code /throttle/rateLimit}, {@code /quota/limit}, {@code /quota/offset}, {@code /quota/period};
   * {@code remove} of {@code /throttle} or {@code /quota}; {@code add} or {@code remove} of {@code /apiStages} with
   * the value {@code apiId:stage}.
   */
  ObjectNode updateUsagePlan(String id, JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ObjectNode plan = find(document.withArray("usagePlans"), "id", id);
    for (JsonNode operation : request.path("patchOperations")) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      String value = operation.path("value").asText(null);
      switch (op + " " + path) {
        case "replace /name", "replace /description" -> plan.put(path.substring(1), value);
        case "replace /throttle/burstLimit" -> plan.with("throttle").put("burstLimit", integer(path, value));
        case "replace /throttle/rateLimit" -> plan.with("throttle").put("rateLimit", number(path, value));
        case "replace /quota/limit", "replace /quota/offset" ->
            plan.with("quota").put(path.substring("/quota/".length()), integer(path, value));
        case "replace /quota/period" -> plan.with("quota").put("period", value);
        case "remove /throttle", "remove /quota" -> plan.remove(path.substring(1));
        case "add /apiStages", "remove /apiStages" -> apiStage(plan, op, path, value);
        default -> throw ApiError.badRequest("Invalid patch path  '" + path + "' specified for op '" + op + "'. "
            + "Must be one of: [/name, /description, /throttle/burstLimit, /throttle/rateLimit, /quota/limit, "
            + "/quota/offset, /quota/period, /throttle, /quota, /apiStages]");
      }
    }
    replace(snapshot);
    return plan.deepCopy();
  }

  private static void apiStage(ObjectNode plan, String op, String path, String value) throws ApiError {
    int colon = value == null ? -1 : value.indexOf(':');
    if (colon < 1) {
      throw ApiError.badRequest("Invalid value for " + op + " " + path + ": use apiId:stage");
    }
    ArrayNode stages = plan.withArray("apiStages");
    String apiId = value.substring(0, colon);
    String stage = value.substring(colon + 1);
    if (op.equals("add")) {
      stages.addObject().put("apiId", apiId).put("stage", stage);
      return;
    }
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (stages.get(i).path("apiId").asText().equals(apiId) && stages.get(i).path("stage").asText().equals(stage)) {
        stages.remove(i);
      }
    }
  }

  static int integer(String path, String value) throws ApiError {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Invalid value for " + path + ": " + value + " is not an integer");
    }
  }

  static double number(String path, String value) throws ApiError {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw ApiError.badRequest("Invalid value for " + path + ": " + value + " is not a number");
    }
  }

  /** {@code DeleteUsagePlan}: the plan and the keys it was given at run time. */
  void deleteUsagePlan(String id) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    remove(document.withArray("usagePlans"), "id", id);
    remove(document.withArray("usagePlanKeys"), "usagePlanId", id);
    replace(snapshot);
  }

  /** {@code CreateUsagePlanKey}: a declared or run-time key in a declared or run-time plan. */
  void createUsagePlanKey(String planId, JsonNode request) throws ApiError {
    String keyId = request.path("keyId").asText(null);
    if (keyId == null || !"API_KEY".equals(request.path("keyType").asText("API_KEY"))) {
      throw ApiError.badRequest("keyId is required and keyType must be API_KEY");
    }
    if (directory.usagePlanKeys().stream().anyMatch(k -> k.usagePlanId().equals(planId)
        && k.keyId().equals(keyId))) {
      throw ApiError.conflict("API Key " + keyId + " is already in usage plan " + planId);
    }
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    document.withArray("usagePlanKeys").addObject().put("usagePlanId", planId).put("keyId", keyId);
    replace(snapshot);
  }

  /** {@code DeleteUsagePlanKey}: only a key a plan was given at run time. */
  void deleteUsagePlanKey(String planId, String keyId) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode document = snapshot.document();
    ArrayNode planKeys = document.withArray("usagePlanKeys");
    int before = planKeys.size();
    Iterator<JsonNode> entries = planKeys.elements();
    while (entries.hasNext()) {
      JsonNode entry = entries.next();
      if (entry.path("usagePlanId").asText().equals(planId) && entry.path("keyId").asText().equals(keyId)) {
        entries.remove();
      }
    }
    if (planKeys.size() == before) {
      throw ApiError.badRequest("API key " + keyId + " is in usage plan " + planId + " by " + managed.declaredIn()
          + ", which is read-only here; change it in that file");
    }
    replace(snapshot);
  }

  private void replace(Snapshot snapshot) throws ApiError {
    apply(managed, snapshot);
  }

  /**
   * Makes the changed snapshot's document the objects created at run time.
   *
   * @return the configuration now served
   * @throws ApiError listing every problem of the resulting configuration, or AWS's conflict when the objects
   *     changed meanwhile, or 503 when they cannot be stored; nothing changes then
   */
  static GatewayConfig apply(ManagedConfiguration managed, Snapshot changed) throws ApiError {
    try {
      return managed.replace(changed);
    } catch (ProblemsException e) {
      throw ApiError.badRequest(e.problems().stream().map(ManagedCalls::describe)
          .collect(Collectors.joining("; ")));
    } catch (ConcurrentModificationException e) {
      throw ApiError.conflict("Unable to complete operation due to concurrent modification. Please try again later.");
    } catch (UncheckedIOException e) {
      throw ApiError.unavailable("The change could not be stored, so nothing changed: " + e.getMessage());
    }
  }

  private static String describe(Problem problem) {
    return problem.pointer() == null || problem.pointer().isEmpty() ? problem.message()
        : problem.pointer() + ": " + problem.message();
  }

  static ObjectNode find(ArrayNode entries, String field, String value) {
    for (JsonNode entry : entries) {
      if (entry instanceof ObjectNode object && value.equals(entry.path(field).asText(null))) {
        return object;
      }
    }
    return null;
  }

  static void remove(ArrayNode entries, String field, String value) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (value.equals(entries.get(i).path(field).asText(null))) {
        entries.remove(i);
      }
    }
  }

  static void copyText(JsonNode from, ObjectNode to, String field) {
    if (from.hasNonNull(field)) {
      to.put(field, from.get(field).asText());
    }
  }

  static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** The body of a call as JSON; an empty body is an empty object. */
  static JsonNode body(byte[] bytes) throws ApiError {
    if (bytes.length == 0) {
      return Views.JSON.createObjectNode();
    }
    try {
      JsonNode body = Views.JSON.readTree(bytes);
      if (!body.isObject()) {
        throw ApiError.badRequest("Invalid request body: a JSON object is expected");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("Invalid request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("Invalid request body: " + e.getMessage());
    }
  }
}
