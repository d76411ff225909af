package dev.restgate.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code UpdateStage}'s patch operations on a stage in the configuration file's format, whose fields are AWS's
 * {@code Stage} fields. Paths as AWS takes them: {@code /description}, {@code /deploymentId},
 * {@code /cacheClusterEnabled}, {@code /cacheClusterSize}, {@code /tracingEnabled}, {@code /variables/{name}},
 * {@code /accessLogSettings[/format|/destinationArn]}, {@code /canarySettings[/percentTraffic|/deploymentId|
 * /useStageCache|/stageVariableOverrides/{name}]}, and method settings
 * {@code /{resource path with / as ~1}/{METHOD}/{group}/{setting}} ({@code /*}{@code /*}{@code /...} for every
 * method); a canary is promoted with {@code copy} from {@code /canarySettings/deploymentId} to {@code /deploymentId}
 * and from {@code /canarySettings/stageVariableOverrides} to {@code /variables}.
 */
final class StagePatch {
  /** Method setting paths ({@code group/setting}) and the configuration's field for each. */
  private static final Map<String, String> METHOD_SETTINGS = Map.ofEntries(
      Map.entry("metrics/enabled", "metricsEnabled"),
      Map.entry("logging/loglevel", "loggingLevel"),
      Map.entry("logging/dataTrace", "dataTraceEnabled"),
      Map.entry("throttling/burstLimit", "throttlingBurstLimit"),
      Map.entry("throttling/rateLimit", "throttlingRateLimit"),
      Map.entry("caching/enabled", "cachingEnabled"),
      Map.entry("caching/ttlInSeconds", "cacheTtlInSeconds"),
      Map.entry("caching/dataEncrypted", "cacheDataEncrypted"),
      Map.entry("caching/requireAuthorizationForCacheControl", "requireAuthorizationForCacheControl"),
      Map.entry("caching/unauthorizedCacheControlHeaderStrategy", "unauthorizedCacheControlHeaderStrategy"));
  private static final String VALID_PATHS = "[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, "
      + "/tracingEnabled, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, "
      + "/variables/{variable_name}, /canarySettings, /canarySettings/percentTraffic, /canarySettings/deploymentId, "
      + "/canarySettings/useStageCache, /canarySettings/stageVariableOverrides/{variable_name}, "
      + "/{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, "
      + "/{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit, "
      + "/{resourcePath}/{httpMethod}/throttling/rateLimit, /{resourcePath}/{httpMethod}/caching/ttlInSeconds, "
      + "/{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, "
      + "/{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, "
      + "/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy]";

  private StagePatch() {}

  /** Applies every operation in order; the first invalid one refuses the whole patch. */
  static void apply(ObjectNode stage, JsonNode operations) throws ApiError {
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      String value = operation.path("value").isNull() ? null : operation.path("value").asText(null);
      switch (op) {
        case "replace", "add" -> replace(stage, op, path, value);
        case "remove" -> remove(stage, path);
        case "copy" -> copy(stage, operation.path("from").asText(), path);
        default -> throw ApiError.badRequest("Invalid patch operation specified. Must be 'add'|'remove'|'replace'"
            + "|'copy'");
      }
    }
  }

  private static void replace(ObjectNode stage, String op, String path, String value) throws ApiError {
    List<String> parts = parts(path);
    String first = parts.isEmpty() ? "" : parts.get(0);
    if (parts.size() == 1) {
      switch (first) {
        case "description", "deploymentId" -> stage.put(first, required(path, value));
        case "cacheClusterSize" -> stage.put(first, required(path, value));
        case "cacheClusterEnabled", "tracingEnabled" -> stage.put(first, bool(path, value));
        default -> throw invalidPath(path, op);
      }
      return;
    }
    if (first.equals("variables") && parts.size() == 2) {
      stage.with("variables").put(parts.get(1), required(path, value));
    } else if (first.equals("accessLogSettings") && parts.size() == 2
        && (parts.get(1).equals("format") || parts.get(1).equals("destinationArn"))) {
      stage.with("accessLogSettings").put(parts.get(1), required(path, value));
    } else if (first.equals("canarySettings")) {
      canary(stage, op, parts, path, value);
    } else if (parts.size() == 4 && METHOD_SETTINGS.containsKey(parts.get(2) + "/" + parts.get(3))) {
      methodSetting(stage, parts, path, value);
    } else {
      throw invalidPath(path, op);
    }
  }

  /**
   * A canary setting; a canary created this way serves the stage's own deployment until its {@code deploymentId}
   * is set, as AWS creates it.
   */
  private static void canary(ObjectNode stage, String op, List<String> parts, String path, String value)
      throws ApiError {
    ObjectNode canary = stage.with("canarySettings");
    if (!canary.has("deploymentId") && stage.hasNonNull("deploymentId")) {
      canary.set("deploymentId", stage.get("deploymentId"));
    }
    String setting = parts.size() >= 2 ? parts.get(1) : "";
    switch (parts.size() + " " + setting) {
      case "2 percentTraffic" -> canary.put("percentTraffic", ManagedCalls.number(path, value));
      case "2 deploymentId" -> canary.put("deploymentId", required(path, value));
      case "2 useStageCache" -> canary.put("useStageCache", bool(path, value));
      case "3 stageVariableOverrides" -> canary.with("stageVariableOverrides").put(parts.get(2), required(path, value));
      default -> throw invalidPath(path, op);
    }
  }

  private static void methodSetting(ObjectNode stage, List<String> parts, String path, String value)
      throws ApiError {
    String field = METHOD_SETTINGS.get(parts.get(2) + "/" + parts.get(3));
    ObjectNode setting = stage.with("methodSettings").with(methodKey(parts.get(0), parts.get(1)));
    switch (field) {
      case "throttlingRateLimit" -> setting.put(field, ManagedCalls.number(path, value));
      case "throttlingBurstLimit", "cacheTtlInSeconds" -> setting.put(field, ManagedCalls.integer(path, value));
      case "loggingLevel", "unauthorizedCacheControlHeaderStrategy" -> setting.put(field, required(path, value));
      default -> setting.put(field, bool(path, value));
    }
  }

  private static void remove(ObjectNode stage, String path) throws ApiError {
    List<String> parts = parts(path);
    String first = parts.isEmpty() ? "" : parts.get(0);
    if (parts.size() == 1 && (first.equals("accessLogSettings") || first.equals("canarySettings")
        || first.equals("description"))) {
      stage.remove(first);
    } else if (parts.size() == 2 && first.equals("variables")) {
      stage.with("variables").remove(parts.get(1));
    } else if (parts.size() == 3 && first.equals("canarySettings") && parts.get(1).equals("stageVariableOverrides")
        && stage.path("canarySettings").isObject()) {
      stage.with("canarySettings").with("stageVariableOverrides").remove(parts.get(2));
    } else if (parts.size() == 2) {
      stage.with("methodSettings").remove(methodKey(parts.get(0), parts.get(1)));
    } else {
      throw invalidPath(path, "remove");
    }
  }

  /** Canary promotion: only the two copies AWS allows. */
  private static void copy(ObjectNode stage, String from, String path) throws ApiError {
    boolean deployment = path.equals("/deploymentId") && from.equals("/canarySettings/deploymentId");
    boolean variables = path.equals("/variables") && from.equals("/canarySettings/stageVariableOverrides");
    if (!deployment && !variables) {
      throw ApiError.badRequest("Invalid copy operation with path: " + path + " and from " + from + ". Valid "
          + "copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, "
          + "/canarySettings/stageVariableOverrides]");
    }
    JsonNode canary = stage.get("canarySettings");
    if (!(canary instanceof ObjectNode)) {
      throw ApiError.badRequest("Promotion not available. Canary does not exist.");
    }
    if (deployment) {
      if (canary.hasNonNull("deploymentId")) {
        stage.set("deploymentId", canary.get("deploymentId"));
      }
    } else if (canary.path("stageVariableOverrides").isObject()) {
      stage.with("variables").setAll((ObjectNode) canary.get("stageVariableOverrides").deepCopy());
    }
  }

  /** The configuration's method settings key for a patch path's resource and method ({@code ~1} is {@code /}). */
  private static String methodKey(String resource, String method) {
    if (resource.equals("*") && method.equals("*")) {
      return "*/*";
    }
    String path = resource.replace("~1", "/").replace("~0", "~");
    return (path.startsWith("/") ? path.substring(1) : path) + "/" + method;
  }

  private static List<String> parts(String path) {
    if (!path.startsWith("/") || path.length() == 1) {
      return List.of();
    }
    return List.of(path.substring(1).split("/", -1));
  }

  private static ApiError invalidPath(String path, String op) {
    return ApiError.badRequest("Invalid patch path  '" + path + "' specified for op '" + op + "'. Must be one of: "
        + VALID_PATHS);
  }

  private static String required(String path, String value) throws ApiError {
    if (value == null) {
      throw ApiError.badRequest("Invalid value for " + path + ": a value is required");
    }
    return value;
  }

  private static boolean bool(String path, String value) throws ApiError {
    if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
      throw ApiError.badRequest("Invalid value for " + path + ": " + value + " is not true or false");
    }
    return Boolean.parseBoolean(value);
  }
}
