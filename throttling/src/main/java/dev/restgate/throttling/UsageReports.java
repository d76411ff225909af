package dev.restgate.throttling;

import dev.restgate.model.QuotaSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
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
 * null. One instance per configuration, found with {@code ModuleContext.service(UsageReports.class)}.
 */
public final class UsageReports {
  /** The most days one report covers, as in AWS. */
  public static final int MAX_DAYS = 90;

  private final Map<String, UsagePlan> plans = new LinkedHashMap<>();
  private final Map<String, List<String>> keysByPlan = new LinkedHashMap<>();
  private final UsageRecords records;

  /**
   * A usage report as AWS's {@code GetUsage} returns it.
   *
   * @param values by API key id, one {@code [used, remaining]} pair per day from {@code startDate} to
   *     {@code endDate}
   */
  public record Usage(String usagePlanId, String startDate, String endDate, Map<String, List<List<Long>>> values) {}

  UsageReports(List<UsagePlan> usagePlans, List<UsagePlanKey> planKeys, UsageRecords records) {
    usagePlans.forEach(plan -> plans.put(plan.id(), plan));
    planKeys.forEach(key -> keysByPlan.computeIfAbsent(key.usagePlanId(), p -> new ArrayList<>()).add(key.keyId()));
    this.records = records;
  }

  /**
   * The usage of the keys of {@code usagePlanId} (only {@code keyId}'s when it is not null) from {@code start} to
   * {@code end}, both included; empty when the plan does not exist.
   *
   * @throws IllegalArgumentException when the days are out of order or more than {@link #MAX_DAYS} apart
   * @throws Exception when the usage records cannot be read
   */
  public Optional<Usage> usage(String usagePlanId, String keyId, LocalDate start, LocalDate end) throws Exception {
    UsagePlan plan = plans.get(usagePlanId);
    if (plan == null) {
      return Optional.empty();
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("The usage data period is from " + start + " to " + end
          + "; it must cover 1 to " + MAX_DAYS + " days, start first");
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
