package dev.restgate.throttling;

import dev.restgate.model.ApiKey;
import dev.restgate.model.ApiStage;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The configured API keys, found by the value a caller presents, and the usage plan each key is in for each API
 * stage. Keys are looked up by the SHA-256 of their value and then compared in constant time, so neither the lookup
 * nor the comparison tells a caller how close a guess came.
 */
final class KeyRing {
  private static final MessageDigest SHA_256 = sha256();
  private final Map<String, ApiKey> byDigest = new HashMap<>();
  private final Map<String, Map<String, UsagePlan>> plansByStage = new HashMap<>();

  KeyRing(List<ApiKey> keys, List<UsagePlan> plans, List<UsagePlanKey> planKeys) {
    for (ApiKey key : keys) {
      byDigest.put(digest(key.value()), key);
    }
    Map<String, UsagePlan> plansById = new HashMap<>();
    plans.forEach(plan -> plansById.put(plan.id(), plan));
    for (UsagePlanKey planKey : planKeys) {
      UsagePlan plan = plansById.get(planKey.usagePlanId());
      if (plan == null) {
        continue;
      }
      for (ApiStage stage : plan.apiStages()) {
        plansByStage.computeIfAbsent(stage.apiId() + '/' + stage.stage(), s -> new HashMap<>())
            .put(planKey.keyId(), plan);
      }
    }
  }

  /** The key whose value is {@code presented}, or null. */
  ApiKey find(String presented) {
    ApiKey key = byDigest.get(digest(presented));
    if (key == null) {
      return null;
    }
    boolean same = MessageDigest.isEqual(key.value().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
    return same ? key : null;
  }

  /** For each key id, the plan that covers the API stage, as AWS allows one plan per key and stage. */
  Map<String, UsagePlan> plansOf(String apiId, String stage) {
    return plansByStage.getOrDefault(apiId + '/' + stage, Map.of());
  }

  private static String digest(String value) {
    try {
      // A clone of a prepared digest skips the provider look-up of MessageDigest.getInstance on every request.
      MessageDigest sha256 = (MessageDigest) SHA_256.clone();
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 digests can be cloned", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
