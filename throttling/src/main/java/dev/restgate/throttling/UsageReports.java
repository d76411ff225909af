package dev.restgate.throttling;

import dev.restgate.model.ApiKey;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.UsagePlanDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's usage reports ({@code GetUsage}) over the usage records: for each key of a plan, {@code [used, remaining]}
 * per UTC day. {@code remaining} is what the plan's quota had left at the end of that day, with what
 * {@code UpdateUsage} granted or took away; without a quota it is null. {@code UpdateUsage} sets the quota's buckets
 * and records the grant. One instance per configuration, registered as the configuration's
 * {@link UsagePlanDirectory} with its keys, plans and plan keys.
 */
final class UsageReports implements UsagePlanDirectory {
  private final List<ApiKey> apiKeys;
  private final List<UsagePlanKey> usagePlanKeys;
  private final Throttling throttling;
  private final Clock clock;
  private final Map<String, UsagePlan> plans = new LinkedHashMap<>();
  private final Map<String, List<String>> keysByPlan = new LinkedHashMap<>();

  /** @param throttling the configuration's plans, and the module's buckets and usage records */
  UsageReports(List<ApiKey> apiKeys, List<UsagePlanKey> planKeys, Throttling throttling, Clock clock) {
    this.apiKeys = List.copyOf(apiKeys);
    this.usagePlanKeys = List.copyOf(planKeys);
    this.throttling = throttling;
    this.clock = clock;
    throttling.plans().forEach(plan -> plans.put(plan.id(), plan));
    planKeys.forEach(key -> keysByPlan.computeIfAbsent(key.usagePlanId(), p -> new ArrayList<>()).add(key.keyId()));
  }

  @Override
  public List<ApiKey> apiKeys() {
    return apiKeys;
  }

  @Override
  public List<UsagePlan> usagePlans() {
    return throttling.plans();
  }

  @Override
  public List<UsagePlanKey> usagePlanKeys() {
    return usagePlanKeys;
  }

  @Override
  public ThrottleSettings accountThrottle() {
    return throttling.accountDefaults();
  }

  @Override
  public Optional<Usage> usage(String usagePlanId, String keyId, LocalDate start, LocalDate end) throws Exception {
    UsagePlan plan = plans.get(usagePlanId);
    if (plan == null) {
      return Optional.empty();
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days < 1 || days > MAX_USAGE_DAYS) {
      throw new IllegalArgumentException("The usage data period is from " + start + " to " + end
          + "; it must cover 1 to " + MAX_USAGE_DAYS + " days, start first");
    }
    QuotaSettings quota = plan.quota();
    LocalDate from = quota == null ? start : QuotaWindow.of(quota, start).start();
    Map<UsageKey, UsageCount> counts = throttling.usage().read(usagePlanId, keyId, from, end);
    Map<String, List<List<Long>>> values = new LinkedHashMap<>();
    for (String key : keysByPlan.getOrDefault(usagePlanId, List.of())) {
      if (keyId == null || key.equals(keyId)) {
        values.put(key, daily(usagePlanId, key, quota, start, end, counts));
      }
    }
    return Optional.of(new Usage(usagePlanId, start.toString(), end.toString(), values));
  }

  private static List<List<Long>> daily(String usagePlanId, String keyId, QuotaSettings quota, LocalDate start,
      LocalDate end, Map<UsageKey, UsageCount> counts) {
    List<List<Long>> days = new ArrayList<>();
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      long used = counts.getOrDefault(new UsageKey(usagePlanId, keyId, day), UsageCount.NONE).used();
      Long remaining = null;
      if (quota != null) {
        UsageCount inWindow = UsageCount.NONE;
        for (LocalDate d = QuotaWindow.of(quota, day).start(); !d.isAfter(day); d = d.plusDays(1)) {
          inWindow = inWindow.plus(counts.getOrDefault(new UsageKey(usagePlanId, keyId, d), UsageCount.NONE));
        }
        remaining = Math.max(0, inWindow.left(quota.limit()));
      }
      days.add(Arrays.asList(used, remaining));
    }
    return days;
  }

  /**
   * Sets the key's buckets in the current window, and records the difference from what they held before as granted
   * today, so that reports, and buckets rebuilt from the records after a restart, agree with the buckets. The
   * buckets, not the records, say what the key had left: in a cluster they are exact at once, while other nodes
   * write their counts to the records only every few seconds.
   */
  @Override
  public Optional<Usage> updateRemaining(String usagePlanId, String keyId, long remaining) {
    UsagePlan plan = plans.get(usagePlanId);
    if (plan == null) {
      return Optional.empty();
    }
    if (!keysByPlan.getOrDefault(usagePlanId, List.of()).contains(keyId)) {
      throw new IllegalArgumentException("API key " + keyId + " is not in usage plan " + usagePlanId);
    }
    if (plan.quota() == null) {
      throw new IllegalArgumentException("Usage plan " + usagePlanId + " has no quota, so no requests remain to "
          + "change; give it a quota first");
    }
    if (remaining < 0 || remaining > MAX_REMAINING) {
      throw new IllegalArgumentException("The remaining requests must be 0 to " + MAX_REMAINING + ", not "
          + remaining);
    }
    PlanQuota quota = PlanQuota.of(usagePlanId, plan.quota(), throttling.version());
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    QuotaWindow window = quota.window(today);
    UsageRecords records = throttling.usage();
    long used;
    try {
      used = records.total(usagePlanId, keyId, window.start(), today).used();
    } catch (Exception e) {
      throw new IllegalStateException("The usage records cannot be read (" + BackendHealth.describe(e)
          + "); nothing changed", e);
    }
    long before = quota.remaining(throttling.buckets(), records, keyId, today);
    quota.setRemaining(throttling.buckets(), keyId, today, remaining);
    records.grant(usagePlanId, keyId, today, remaining - before);
    records.flush();
    return Optional.of(new Usage(usagePlanId, window.start().toString(), window.end().minusDays(1).toString(),
        Map.of(keyId, List.of(List.of(used, remaining)))));
  }
}
