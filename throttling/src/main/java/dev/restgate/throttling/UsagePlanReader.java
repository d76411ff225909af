package dev.restgate.throttling;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigRules;
import dev.restgate.config.MethodKeys;
import dev.restgate.model.ApiStage;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.RestApi;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.Ids;
import dev.restgate.spi.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code usagePlans} and {@code usagePlanKeys}. A plan's API stages must be configured stages, its per-method
 * throttles must name methods those stages serve, and a key may be in only one plan per API stage (as in AWS).
 */
final class UsagePlanReader {
  static final List<String> KEYS =
      List.of("id", "name", "description", "apiStages", "throttle", "quota", "productCode", "tags");
  static final List<String> PLAN_KEY_KEYS = List.of("usagePlanId", "keyId", "keyType");
  private static final List<String> API_STAGE_KEYS = List.of("apiId", "stage", "throttle");
  private static final List<String> THROTTLE_KEYS = List.of("burstLimit", "rateLimit");
  private static final List<String> QUOTA_KEYS = List.of("limit", "offset", "period");
  private static final List<String> PERIODS = List.of("DAY", "WEEK", "MONTH");
  private static final Pattern ID = Pattern.compile("[a-z0-9]{6}");

  private final ConfigContext catalog;
  private final References plans = new References("usage plan");
  private final Map<String, List<String>> stagesByPlan = new HashMap<>();

  UsagePlanReader(ConfigContext catalog) {
    this.catalog = catalog;
  }

  List<UsagePlan> readPlans(ConfigNode node) {
    List<UsagePlan> result = new ArrayList<>();
    Map<String, String> idPointers = new HashMap<>();
    for (ConfigNode plan : node.list()) {
      if (!plan.isObjectWith(KEYS)) {
        continue;
      }
      String name = plan.field("name").required().string();
      ConfigNode idNode = plan.field("id");
      String id = idNode.isPresent()
          ? idNode.string(ID, "use 6 lower-case letters or digits, like AWS ids")
          : name == null ? null : Ids.derive(6, "usagePlan", name);
      if (id != null) {
        String first = idPointers.putIfAbsent(id, plan.pointer());
        if (first != null) {
          (idNode.isPresent() ? idNode : plan).problem("the usage plan id " + id + " is also the id of " + first
              + (idNode.isPresent() ? "; give each plan its own id" : " (derived from the same name); set id"));
        }
        plans.add(id, name);
      }
      List<ApiStage> apiStages = apiStages(plan.field("apiStages"));
      if (id != null) {
        stagesByPlan.put(id, apiStages.stream().map(s -> s.apiId() + "/" + s.stage()).toList());
      }
      result.add(new UsagePlan(id, name, plan.field("description").string(), apiStages,
          throttle(plan.field("throttle")), quota(plan.field("quota")), plan.field("productCode").string(),
          ConfigRules.tags(plan.field("tags"))));
    }
    return result;
  }

  /** Reads the plan keys; call after {@link #readPlans}. */
  List<UsagePlanKey> readPlanKeys(ConfigNode node, References apiKeys) {
    List<UsagePlanKey> result = new ArrayList<>();
    Map<String, String> pairPointers = new HashMap<>();
    Map<String, String> planByKeyStage = new HashMap<>();
    for (ConfigNode planKey : node.list()) {
      if (!planKey.isObjectWith(PLAN_KEY_KEYS)) {
        continue;
      }
      String planId = plans.resolve(planKey.field("usagePlanId"));
      String keyId = apiKeys.resolve(planKey.field("keyId"));
      String keyType = planKey.field("keyType").oneOf(List.of("API_KEY"));
      if (planId == null || keyId == null) {
        continue;
      }
      String first = pairPointers.putIfAbsent(planId + " " + keyId, planKey.pointer());
      if (first != null) {
        planKey.problem("attaches the same key to the same plan as " + first + "; remove one");
        continue;
      }
      for (String apiStage : stagesByPlan.getOrDefault(planId, List.of())) {
        String otherPlan = planByKeyStage.putIfAbsent(keyId + " " + apiStage, planId);
        if (otherPlan != null) {
          planKey.problem("API key " + keyId + " is already in usage plan " + otherPlan + ", which also covers "
              + "the API stage " + apiStage + "; a key may be in only one plan per API stage");
        }
      }
      result.add(new UsagePlanKey(planId, keyId, keyType == null ? "API_KEY" : keyType));
    }
    return result;
  }

  private List<ApiStage> apiStages(ConfigNode node) {
    List<ApiStage> apiStages = new ArrayList<>();
    Map<String, String> stagePointers = new HashMap<>();
    for (ConfigNode apiStage : node.list()) {
      if (!apiStage.isObjectWith(API_STAGE_KEYS)) {
        continue;
      }
      String apiId = apiStage.field("apiId").required().string();
      String stage = apiStage.field("stage").required().string();
      if (apiId == null || stage == null
          || !catalog.checkStage(apiId, apiStage.field("apiId"), stage, apiStage.field("stage"))) {
        continue;
      }
      String first = stagePointers.putIfAbsent(apiId + "/" + stage, apiStage.pointer());
      if (first != null) {
        apiStage.problem("lists the API stage " + apiId + "/" + stage + " again (first at " + first + ")");
      }
      Map<String, ThrottleSettings> throttles = new LinkedHashMap<>();
      List<RestApi> served = catalog.served(apiId, stage);
      apiStage.field("throttle").entries().forEach((key, value) -> {
        String[] method = MethodKeys.parseThrottleKey(key);
        if (method == null) {
          value.problem(Json.quote(key) + " is not a method throttle key: use /{resource path}/{METHOD} such as "
              + "/pets/GET (//GET for the root)");
        } else if (!served.isEmpty() && !MethodKeys.exists(served, method[0], method[1])) {
          value.problem(Json.quote(key) + " names no method of " + apiId + "/" + stage + "; its methods: "
              + MethodKeys.listThrottleKeys(served));
        }
        ThrottleSettings throttle = throttle(value.required());
        if (throttle != null) {
          throttles.put(key, throttle);
        }
      });
      apiStages.add(new ApiStage(apiId, stage, throttles));
    }
    return apiStages;
  }

  static ThrottleSettings throttle(ConfigNode node) {
    if (!node.isObjectWith(THROTTLE_KEYS)) {
      return null;
    }
    return new ThrottleSettings(node.field("burstLimit").integer(0, Integer.MAX_VALUE),
        node.field("rateLimit").number(0, Double.MAX_VALUE));
  }

  /**
   * A quota. {@code offset} is the day its windows start on, as the CLI and CloudFormation documentation define it:
   * 0 for {@code DAY}; 0 (Sunday) to 6 (Saturday) for {@code WEEK}; 0 (the 1st) to 27 (the 28th) for {@code MONTH}.
   */
  private static QuotaSettings quota(ConfigNode node) {
    if (!node.isObjectWith(QUOTA_KEYS)) {
      return null;
    }
    String period = node.field("period").required().oneOf(PERIODS);
    ConfigNode offsetNode = node.field("offset");
    Integer offset = offsetNode.integer(0, Integer.MAX_VALUE);
    if (offset != null && period != null && offset > QuotaWindow.maxOffset(period)) {
      offsetNode.problem("is " + offset + "; a " + period + " quota's offset is the day its windows start on: "
          + QuotaWindow.offsetRule(period));
    }
    return new QuotaSettings(node.field("limit").required().integer(0, Integer.MAX_VALUE), offset, period);
  }
}
