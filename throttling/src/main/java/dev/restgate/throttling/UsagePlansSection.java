package dev.restgate.throttling;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import dev.restgate.model.ApiKey;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import java.util.List;

/**
 * {@code apiKeys}, {@code usagePlans}, {@code usagePlanKeys} and {@code rateLimiting}: read together, since plan keys
 * reference keys and plans (by id or by name), and plans reference configured API stages and their methods.
 */
public final class UsagePlansSection implements ConfigSection<UsagePlansConfig> {

  @Override
  public List<String> keys() {
    return List.of("apiKeys", "usagePlans", "usagePlanKeys", "rateLimiting");
  }

  @Override
  public Class<UsagePlansConfig> type() {
    return UsagePlansConfig.class;
  }

  @Override
  public UsagePlansConfig read(ConfigNode root, ConfigContext context) {
    References keyReferences = new References("API key");
    List<ApiKey> apiKeys = ApiKeyReader.read(root.field("apiKeys"), context, keyReferences);
    UsagePlanReader plans = new UsagePlanReader(context);
    List<UsagePlan> usagePlans = plans.readPlans(root.field("usagePlans"));
    List<UsagePlanKey> usagePlanKeys = plans.readPlanKeys(root.field("usagePlanKeys"), keyReferences);
    return new UsagePlansConfig(apiKeys, usagePlans, usagePlanKeys,
        RateLimitingReader.read(root.field("rateLimiting")));
  }
}
