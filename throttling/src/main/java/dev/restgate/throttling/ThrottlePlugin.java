package dev.restgate.throttling;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.ApiKeyInUse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.RateLimit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits of one method, in AWS's order: the usage plan's throttle for the caller's key, the stage's method
 * throttle, the account-level throttle, then the plan's quota. Each is one bucket operation (the quota two once
 * its bucket is empty: see {@link PlanQuota}); a request any of them refuses gets 429, {@code Too Many Requests} for
 * a throttle and {@code Limit Exceeded} for the quota, with the limit on {@code Exchange.refusedBy} for metrics.
 * Admitted requests with a key are counted in the usage records.
 */
final class ThrottlePlugin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(ThrottlePlugin.class);

  private final String apiStage;
  private final Buckets buckets;
  private final AccountThrottle account;
  private final Shape accountShape;
  private final String stageKey;
  private final Shape stageShape;
  private final Map<String, PlanLimits> plans;
  private final UsageRecords usage;

  /**
   * @param stageShape the stage's throttle of this method, or null when the stage sets none
   * @param plans the limits of each usage plan of the stage, by plan id; empty when the method takes no API key
   */
  ThrottlePlugin(String apiStage, Buckets buckets, AccountThrottle account, Shape accountShape, String stageKey,
      Shape stageShape, Map<String, PlanLimits> plans, UsageRecords usage) {
    this.apiStage = apiStage;
    this.buckets = buckets;
    this.account = account;
    this.accountShape = accountShape;
    this.stageKey = stageKey;
    this.stageShape = stageShape;
    this.plans = plans;
    this.usage = usage;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    ApiKeyInUse key = exchange.apiKey();
    PlanLimits plan = key == null ? null : plans.get(key.usagePlanId());
    if (plan != null && plan.throttle() != null
        && !buckets.tryConsume(plan.throttleKey(key.keyId()), plan.throttle(), Buckets.FULL)) {
      LOG.debug("{}: API key {} exceeded the throttle limit of usage plan {} for {}", exchange.requestId(),
          key.keyId(), plan.usagePlanId(), apiStage);
      exchange.refusedBy(RateLimit.USAGE_PLAN_THROTTLE);
      throw new GatewayException(GatewayResponseType.THROTTLED);
    }
    if (stageShape != null && !buckets.tryConsume(stageKey, stageShape, Buckets.FULL)) {
      LOG.debug("{}: the method throttle limit of {} was exceeded", exchange.requestId(), apiStage);
      exchange.refusedBy(RateLimit.METHOD_THROTTLE);
      throw new GatewayException(GatewayResponseType.THROTTLED);
    }
    if (!account.tryConsume(accountShape)) {
      LOG.debug("{}: the account-level throttle limit was exceeded", exchange.requestId());
      exchange.refusedBy(RateLimit.ACCOUNT_THROTTLE);
      throw new GatewayException(GatewayResponseType.THROTTLED);
    }
    if (plan != null) {
      LocalDate day = LocalDate.ofInstant(exchange.requestTime(), ZoneOffset.UTC);
      PlanQuota quota = plan.quota();
      if (quota != null && !quota.tryConsume(buckets, usage, key.keyId(), day)) {
        LOG.debug("{}: API key {} exhausted the quota of usage plan {} ({} per {})", exchange.requestId(),
            key.keyId(), plan.usagePlanId(), quota.settings().limit(), quota.settings().period());
        exchange.refusedBy(RateLimit.USAGE_PLAN_QUOTA);
        throw new GatewayException(GatewayResponseType.QUOTA_EXCEEDED);
      }
      usage.record(plan.usagePlanId(), key.keyId(), day);
    }
    return next.handle(exchange);
  }
}
