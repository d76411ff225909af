package dev.restgate.throttling;

import dev.restgate.model.ApiStage;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The throttles and quotas of every method: each method draws from the account-level limit, from its stage's
 * method throttle when {@code methodSettings} set one (its own entry over <code>*&#47;*</code>), and, when it takes
 * an API key, from the limits of the key's usage plan. The buckets' shapes are built here, once per method.
 */
public final class ThrottlePluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "throttle";
  }

  @Override
  public Phase phase() {
    return Phase.THROTTLE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    Throttling throttling = site.service(Throttling.class).orElse(null);
    if (throttling == null) {
      return Optional.empty();
    }
    String apiId = site.api().id();
    String stage = site.stage().stageName();
    String method = site.method().httpMethod();
    String path = site.resource().path();
    MethodSetting settings = site.methodSetting();
    Shape stageShape = settings.throttlingBurstLimit() == null && settings.throttlingRateLimit() == null ? null
        : throttling.throttle(settings.throttlingBurstLimit(), settings.throttlingRateLimit());
    Map<String, PlanLimits> plans = new HashMap<>();
    if (Boolean.TRUE.equals(site.method().apiKeyRequired())) {
      String throttleKey = "/" + MethodSetting.key(path, method);
      for (UsagePlan plan : throttling.plans()) {
        for (ApiStage apiStage : plan.apiStages()) {
          if (apiStage.apiId().equals(apiId) && apiStage.stage().equals(stage)) {
            plans.put(plan.id(), limits(plan, apiStage.throttle().get(throttleKey), throttleKey, throttling));
          }
        }
      }
    }
    String stageKey = "stage/" + apiId + '/' + stage + ' ' + method + ' ' + path;
    return Optional.of(new ThrottlePlugin(apiId + '/' + stage, throttling.buckets(), throttling.account(),
        throttling.accountShape(), stageKey, stageShape, Map.copyOf(plans), throttling.usage()));
  }

  private static PlanLimits limits(UsagePlan plan, ThrottleSettings methodThrottle, String throttleKey,
      Throttling throttling) {
    ThrottleSettings throttle = methodThrottle != null ? methodThrottle : plan.throttle();
    return new PlanLimits(plan.id(), throttle == null ? null : throttling.throttle(throttle),
        methodThrottle != null ? ' ' + throttleKey : "",
        plan.quota() == null ? null : PlanQuota.of(plan.id(), plan.quota(), throttling.version()));
  }
}
