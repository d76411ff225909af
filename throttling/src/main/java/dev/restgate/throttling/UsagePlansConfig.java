package dev.restgate.throttling;

import dev.restgate.model.ApiKey;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import java.util.List;

/**
 * The API keys, usage plans, their keys and where the rate limits are kept: the {@code apiKeys},
 * {@code usagePlans}, {@code usagePlanKeys} and {@code rateLimiting} sections of {@code gateway.yaml}.
 */
public record UsagePlansConfig(List<ApiKey> apiKeys, List<UsagePlan> usagePlans, List<UsagePlanKey> usagePlanKeys,
    RateLimitingConfig rateLimiting) {

  /** No keys, no plans, local rate limiting. */
  public static final UsagePlansConfig NONE =
      new UsagePlansConfig(List.of(), List.of(), List.of(), RateLimitingConfig.LOCAL);

  public UsagePlansConfig {
    apiKeys = List.copyOf(apiKeys);
    usagePlans = List.copyOf(usagePlans);
    usagePlanKeys = List.copyOf(usagePlanKeys);
    rateLimiting = rateLimiting == null ? RateLimitingConfig.LOCAL : rateLimiting;
  }
}
