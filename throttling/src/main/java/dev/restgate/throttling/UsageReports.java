package dev.restgate.throttling;

import dev.restgate.model.ApiKey;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.UsagePlanDirectory;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's usage reports ({@code GetUsage}) over the usage records: for each key of a plan, {@code [used, remaining]}
 * per UTC day. {@code remaining} is what the plan's quota had left at the end of that day; without a quota it is
 * null. One instance per configuration, registered as the configuration's {@link UsagePlanDirectory} with its keys,
 * plans and plan keys.
 */
final class UsageReports implements UsagePlanDirectory {
  private final List<ApiKey> apiKeys;
  private final List<UsagePlan> usagePlans;
  private final List<UsagePlanKey> usagePlanKeys;
  private final ThrottleSettings accountThrottle;
  private final Map<String, UsagePlan> plans = new LinkedHashMap<>();
  private final Map<String, List<String>> keysByPlan = new LinkedHashMap<>();
  private final UsageRecords records;

  UsageReports(List<ApiKey> apiKeys, List<UsagePlan> usagePlans, List<UsagePlanKey> planKeys,
      ThrottleSettings accountThrottle, UsageRecords records) {
    this.accountThrottle = accountThrottle;
    this.apiKeys = List.copyOf(apiKeys);
    this.usagePlans = List.copyOf(usagePlans);
    this.usagePlanKeys = List.copyOf(planKeys);
    usagePlans.forEach(plan -> plans.put(plan.id(), plan));
    planKeys.forEach(key -> keysByPlan.computeIfAbsent(key.usagePlanId(), p -> new ArrayList<>()).add(key.keyId()));
    this.records = records;
  }

  @Override
  public List<ApiKey> apiKeys() {
    return apiKeys;
  }

  @Override
  public List<UsagePlan> usagePlans() {
    return usagePlans;
  }

  @Override
  public List<UsagePlanKey> usagePlanKeys() {
    return usagePlanKeys;
  }

  @Override
  public ThrottleSettings accountThrottle() {
    return accountThrottle;
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
    Map<UsageKey, Long> counts = records.read(usagePlanId, keyId, from, end);
    Map<String, List<List<Long>>> values = new LinkedHashMap<>();
    for (String key : keysByPlan.getOrDefault(usagePlanId, List.of())) {
      if (keyId == null || key.equals(keyId)) {
        values.put(key, daily(usagePlanId, key, quota, start, end, counts));
      }
    }
    return Optional.of(new Usage(usagePlanId, start.toString(), end.toString(), values));
  }

  private static List<List<Long>> daily(String usagePlanId, String keyId, QuotaSettings quota, LocalDate start,
      LocalDate end, Map<UsageKey, Long> counts) {
    List<List<Long>> days = new ArrayList<>();
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      long used = counts.getOrDefault(new UsageKey(usagePlanId, keyId, day), 0L);
      Long remaining = null;
      if (quota != null) {
        long usedInWindow = 0;
        for (LocalDate d = QuotaWindow.of(quota, day).start(); !d.isAfter(day); d = d.plusDays(1)) {
          usedInWindow += counts.getOrDefault(new UsageKey(usagePlanId, keyId, d), 0L);
        }
        remaining = Math.max(0, quota.limit() - usedInWindow);
      }
      days.add(Arrays.asList(used, remaining));
    }
    return days;
  }
}
