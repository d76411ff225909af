package dev.restgate.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.model.ApiKey;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.UsagePlanDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read calls of API keys, usage plans, plan keys and usage ({@code GetApiKeys}, {@code GetApiKey},
 * {@code GetUsagePlans}, {@code GetUsagePlan}, {@code GetUsagePlanKeys}, {@code GetUsagePlanKey},
 * {@code GetUsage}) over the configuration's {@link UsagePlanDirectory}, and {@code UpdateUsage}, which changes
 * usage, not the configuration. Key values are shown only when asked for ({@code includeValues},
 * {@code includeValue}), as on AWS; a plan key always carries its key's value, as AWS's {@code UsagePlanKey} does.
 */
final class UsagePlanCalls {
  private final UsagePlanDirectory directory;

  /** @param directory null when no module enforces usage plans: every list is empty */
  UsagePlanCalls(UsagePlanDirectory directory) {
    this.directory = directory;
  }

  /** {@code GET /apikeys[?includeValues&nameQuery&customerId]}. */
  List<JsonNode> apiKeys(Map<String, List<String>> query) {
    boolean values = flag(query, "includeValues");
    String name = first(query, "name");
    String customer = first(query, "customerId");
    List<JsonNode> keys = new ArrayList<>();
    for (ApiKey key : keys()) {
      if ((name == null || (key.name() != null && key.name().startsWith(name)))
          && (customer == null || customer.equals(key.customerId()))) {
        keys.add(apiKey(key, values));
      }
    }
    return keys;
  }

  /** {@code GET /apikeys/{id}[?includeValue]}. */
  ObjectNode apiKey(String id, Map<String, List<String>> query) throws ApiError {
    return apiKey(key(id), flag(query, "includeValue"));
  }

  /** {@code GET /usageplans[?keyId]}. */
  List<JsonNode> usagePlans(Map<String, List<String>> query) {
    String keyId = first(query, "keyId");
    List<JsonNode> plans = new ArrayList<>();
    for (UsagePlan plan : plans()) {
      if (keyId == null || planKeys().stream()
          .anyMatch(k -> k.usagePlanId().equals(plan.id()) && k.keyId().equals(keyId))) {
        plans.add(Views.JSON.valueToTree(plan));
      }
    }
    return plans;
  }

  ObjectNode usagePlan(String id) throws ApiError {
    return Views.JSON.valueToTree(plan(id));
  }

  /** {@code GET /usageplans/{id}/keys}. */
  List<JsonNode> usagePlanKeys(String planId) throws ApiError {
    plan(planId);
    List<JsonNode> keys = new ArrayList<>();
    for (UsagePlanKey planKey : planKeys()) {
      if (planKey.usagePlanId().equals(planId)) {
        keys.add(planKey(planKey.keyId()));
      }
    }
    return keys;
  }

  /** {@code GET /usageplans/{id}/keys/{keyId}}. */
  ObjectNode usagePlanKey(String planId, String keyId) throws ApiError {
    return usagePlanKey(planId, keyId, false);
  }

  /**
   * A plan key.
   *
   * @param justAdded whether the key was added to the plan by this call, after this directory was made
   */
  ObjectNode usagePlanKey(String planId, String keyId, boolean justAdded) throws ApiError {
    if (justAdded) {
      plan(planId);
    } else {
      requirePlanKey(planId, keyId);
    }
    return planKey(keyId);
  }

  /** Answers 404 unless the plan exists and the key is in it. */
  private void requirePlanKey(String planId, String keyId) throws ApiError {
    plan(planId);
    if (planKeys().stream().noneMatch(k -> k.usagePlanId().equals(planId) && k.keyId().equals(keyId))) {
      throw ApiError.notFound("Invalid Usage Plan Key identifier specified");
    }
  }

  /** {@code GET /usageplans/{id}/usage?startDate&endDate[&keyId]}: AWS's {@code Usage}, days under {@code items}. */
  ObjectNode usage(String planId, Map<String, List<String>> query) throws Exception {
    plan(planId);
    LocalDate start = date(query, "startDate");
    LocalDate end = date(query, "endDate");
    Optional<UsagePlanDirectory.Usage> usage;
    try {
      usage = directory.usage(planId, first(query, "keyId"), start, end);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    return usage(usage.orElseThrow(() -> ApiError.notFound("Invalid Usage Plan ID specified")));
  }

  /**
   * {@code PATCH /usageplans/{id}/keys/{keyId}/usage} ({@code UpdateUsage}) with {@code replace} of
   * {@code /remaining}: the requests the key has left in the current window of the plan's quota, beyond the plan's
   * limit if need be. Plans and keys the configuration file declares take it too: it changes usage, not them.
   */
  ObjectNode updateUsage(String planId, String keyId, JsonNode request) throws ApiError {
    requirePlanKey(planId, keyId);
    Long remaining = null;
    for (JsonNode operation : request.path("patchOperations")) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      if (!op.equals("replace") || !path.equals("/remaining")) {
        throw ApiError.badRequest("Invalid patch path  '" + path + "' specified for op '" + op + "'. Must be one of: "
            + "[/remaining]");
      }
      remaining = remaining(operation.path("value").asText(null));
    }
    if (remaining == null) {
      throw ApiError.badRequest("Invalid patch operations: replace /remaining with the requests the key has left");
    }
    try {
      return usage(directory.updateRemaining(planId, keyId, remaining)
          .orElseThrow(() -> ApiError.notFound("Invalid Usage Plan ID specified")));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    } catch (IllegalStateException e) {
      throw ApiError.unavailable(e.getMessage());
    }
  }

  private static long remaining(String value) throws ApiError {
    long remaining;
    try {
      remaining = Long.parseLong(value);
    } catch (NumberFormatException e) {
      remaining = -1;
    }
    if (remaining < 0 || remaining > UsagePlanDirectory.MAX_REMAINING) {
      throw ApiError.badRequest("Invalid value for /remaining: " + value + " (use a whole number from 0 to "
          + UsagePlanDirectory.MAX_REMAINING + ")");
    }
    return remaining;
  }

  /** AWS's {@code Usage}: the days go under {@code values}, which the SDKs call {@code items}. */
  private static ObjectNode usage(UsagePlanDirectory.Usage report) {
    ObjectNode node = Views.JSON.createObjectNode();
    node.put("usagePlanId", report.usagePlanId());
    node.put("startDate", report.startDate());
    node.put("endDate", report.endDate());
    node.set("values", Views.JSON.valueToTree(report.values()));
    return node;
  }

  private ObjectNode planKey(String keyId) throws ApiError {
    ApiKey key = key(keyId);
    ObjectNode node = Views.JSON.createObjectNode();
    node.put("id", key.id());
    node.put("type", "API_KEY");
    node.put("value", key.value());
    if (key.name() != null) {
      node.put("name", key.name());
    }
    return node;
  }

  private static ObjectNode apiKey(ApiKey key, boolean withValue) {
    ObjectNode node = Views.JSON.valueToTree(key);
    if (!withValue) {
      node.remove("value");
    }
    node.put("enabled", Boolean.TRUE.equals(key.enabled()));
    return node;
  }

  private ApiKey key(String id) throws ApiError {
    return keys().stream().filter(k -> k.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Invalid API Key identifier specified"));
  }

  private UsagePlan plan(String id) throws ApiError {
    return plans().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Invalid Usage Plan ID specified"));
  }

  private List<ApiKey> keys() {
    return directory == null ? List.of() : directory.apiKeys();
  }

  private List<UsagePlan> plans() {
    return directory == null ? List.of() : directory.usagePlans();
  }

  private List<UsagePlanKey> planKeys() {
    return directory == null ? List.of() : directory.usagePlanKeys();
  }

  private static LocalDate date(Map<String, List<String>> query, String name) throws ApiError {
    String text = first(query, name);
    if (text == null) {
      throw ApiError.badRequest(name + " is required, e.g. " + name + "=2026-12-01");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("Invalid " + name + " specified: " + text + " (use yyyy-MM-dd)");
    }
  }

  private static boolean flag(Map<String, List<String>> query, String name) {
    return "true".equalsIgnoreCase(first(query, name));
  }

  static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
