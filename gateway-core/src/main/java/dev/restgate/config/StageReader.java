package dev.restgate.config;

import dev.restgate.model.AccessLogSettings;
import dev.restgate.model.CanarySettings;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one stage of an API ({@code dev.restgate.model.Stage} fields), checking its references to deployments. */
final class StageReader {
  static final List<String> KEYS = List.of("stageName", "deploymentId", "description", "variables",
      "methodSettings", "canarySettings", "cacheClusterEnabled", "cacheClusterSize", "tracingEnabled",
      "accessLogSettings", "tags");
  private static final List<String> METHOD_SETTING_KEYS = List.of("metricsEnabled", "loggingLevel",
      "dataTraceEnabled", "throttlingBurstLimit", "throttlingRateLimit", "cachingEnabled", "cacheTtlInSeconds",
      "cacheDataEncrypted", "requireAuthorizationForCacheControl", "unauthorizedCacheControlHeaderStrategy");
  private static final List<String> CANARY_KEYS =
      List.of("deploymentId", "percentTraffic", "stageVariableOverrides", "useStageCache");
  private static final List<String> ACCESS_LOG_KEYS = List.of("format", "destinationArn");
  private static final List<String> CACHE_SIZES = List.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");
  private static final List<String> LOGGING_LEVELS = List.of("OFF", "ERROR", "INFO");
  private static final List<String> CACHE_CONTROL_STRATEGIES =
      List.of("FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER");

  private StageReader() {}

  /** The stage; null when {@code node} is not an object. The stage name is null when invalid. */
  static Stage read(ConfigNode node, Deployments deployments) {
    if (!node.isObjectWith(KEYS)) {
      return null;
    }
    String stageName = node.field("stageName").required().string(ConfigRules.STAGE_NAME, ConfigRules.STAGE_NAME_RULE);
    String deploymentId = deploymentId(node.field("deploymentId"), deployments);
    CanarySettings canary = canary(node.field("canarySettings"), deployments, deploymentId);
    List<RestApi> served = deployments.apis(deploymentId, canary == null ? null : canary.deploymentId());
    return new Stage(
        stageName,
        deploymentId,
        node.field("description").string(),
        ConfigRules.stageVariables(node.field("variables")),
        methodSettings(node.field("methodSettings"), served),
        canary,
        node.field("cacheClusterEnabled").bool(),
        cacheClusterSize(node.field("cacheClusterSize")),
        node.field("tracingEnabled").bool(),
        accessLogSettings(node.field("accessLogSettings")),
        ConfigRules.tags(node.field("tags")));
  }

  private static String deploymentId(ConfigNode node, Deployments deployments) {
    if (!node.isPresent()) {
      if (deployments.ids().size() == 1) {
        return deployments.ids().get(0);
      }
      if (deployments.ids().size() > 1) {
        node.problem("is missing; with several deployments a stage must name one of: "
            + String.join(", ", deployments.ids()));
      }
      return null;
    }
    return reference(node, deployments);
  }

  private static String reference(ConfigNode node, Deployments deployments) {
    String id = node.string();
    if (id != null && !deployments.contains(id)) {
      node.problem("no deployment of this API has the id " + Json.quote(id) + "; its deployments: "
          + String.join(", ", deployments.ids()));
      return null;
    }
    return id;
  }

  private static CanarySettings canary(ConfigNode node, Deployments deployments, String stageDeploymentId) {
    if (!node.isObjectWith(CANARY_KEYS)) {
      return null;
    }
    ConfigNode deploymentNode = node.field("deploymentId");
    String deploymentId = deploymentNode.isPresent() ? reference(deploymentNode, deployments) : stageDeploymentId;
    return new CanarySettings(
        deploymentId,
        node.field("percentTraffic").number(0, 100),
        ConfigRules.stageVariables(node.field("stageVariableOverrides")),
        node.field("useStageCache").bool());
  }

  private static Map<String, MethodSetting> methodSettings(ConfigNode node, List<RestApi> served) {
    Map<String, MethodSetting> settings = new LinkedHashMap<>();
    node.entries().forEach((key, value) -> {
      checkMethodKey(key, value, served);
      MethodSetting setting = methodSetting(value);
      if (setting != null) {
        settings.put(key, setting);
      }
    });
    return settings;
  }

  private static void checkMethodKey(String key, ConfigNode value, List<RestApi> served) {
    if (key.equals("*/*")) {
      return;
    }
    String[] method = MethodKeys.parseStageKey(key);
    if (method == null) {
      value.problem(Json.quote(key) + " is not a method settings key: use */* for every method, or "
          + "{resource path without the leading /}/{METHOD} such as pets/{petId}/GET (/GET for the root)");
    } else if (!served.isEmpty() && !MethodKeys.exists(served, method[0], method[1])) {
      value.problem(Json.quote(key) + " names no method of the stage's deployment; its methods: "
          + MethodKeys.listStageKeys(served));
    }
  }

  private static MethodSetting methodSetting(ConfigNode node) {
    if (!node.required().isObjectWith(METHOD_SETTING_KEYS)) {
      return null;
    }
    return new MethodSetting(
        node.field("metricsEnabled").bool(),
        node.field("loggingLevel").oneOf(LOGGING_LEVELS),
        node.field("dataTraceEnabled").bool(),
        node.field("throttlingBurstLimit").integer(0, Integer.MAX_VALUE),
        node.field("throttlingRateLimit").number(0, Double.MAX_VALUE),
        node.field("cachingEnabled").bool(),
        node.field("cacheTtlInSeconds").integer(0, 3600),
        node.field("cacheDataEncrypted").bool(),
        node.field("requireAuthorizationForCacheControl").bool(),
        node.field("unauthorizedCacheControlHeaderStrategy").oneOf(CACHE_CONTROL_STRATEGIES));
  }

  /** AWS takes the size as a string; YAML users write a number, so both are accepted and normalised. */
  private static String cacheClusterSize(ConfigNode node) {
    if (!node.isPresent()) {
      return null;
    }
    String size = !node.json().isNumber() ? node.string()
        : Double.isFinite(node.json().doubleValue()) ? ConfigNode.plain(node.json().doubleValue())
        : node.json().asText();
    if (size != null && !CACHE_SIZES.contains(size)) {
      node.problem(Json.quote(size) + " is not a cache size: use one of " + String.join(", ", CACHE_SIZES)
          + " (GB)");
      return null;
    }
    return size;
  }

  private static AccessLogSettings accessLogSettings(ConfigNode node) {
    if (!node.isObjectWith(ACCESS_LOG_KEYS)) {
      return null;
    }
    String format = node.field("format").required().string();
    if (format != null && !format.contains("$context.requestId") && !format.contains("$context.extendedRequestId")) {
      node.field("format").problem("must contain $context.requestId or $context.extendedRequestId, as in AWS");
    }
    String destination = node.field("destinationArn").string(ConfigRules.ARN, ConfigRules.ARN_RULE);
    return new AccessLogSettings(format, destination);
  }
}
