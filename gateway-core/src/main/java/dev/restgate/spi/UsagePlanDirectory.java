package dev.restgate.spi;

import dev.restgate.model.ApiKey;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys, usage plans and plan keys of a configuration, and their usage (AWS's {@code GetUsage}), as the
 * module enforcing them knows them. A module registers one for each configuration
 * ({@link ModuleContext#registerService}); the control plane reads it. Thread-safe.
 */
public interface UsagePlanDirectory {
  /** The most days one usage report covers, as in AWS. */
  int MAX_USAGE_DAYS = 90;

  List<ApiKey> apiKeys();

  List<UsagePlan> usagePlans();

  List<UsagePlanKey> usagePlanKeys();

  /** The account-level throttle every request draws from ({@code GetAccount}'s {@code throttleSettings}). */
  ThrottleSettings accountThrottle();

  /**
   * The usage of the keys of {@code usagePlanId} (only {@code keyId}'s when it is not null) from {@code start} to
   * {@code end}, both included: for each key, {@code [used, remaining]} per UTC day, {@code remaining} being what
   * the plan's quota had left at the end of that day (null without a quota). Empty when the plan does not exist.
   *
   * @throws IllegalArgumentException when the days are out of order or more than {@link #MAX_USAGE_DAYS} apart
   * @throws Exception when the usage records cannot be read
   */
  Optional<Usage> usage(String usagePlanId, String keyId, LocalDate start, LocalDate end) throws Exception;

  /**
   * A usage report as AWS's {@code GetUsage} returns it.
   *
   * @param values by API key id, one {@code [used, remaining]} pair per day from {@code startDate} to
   *     {@code endDate}
   */
  record Usage(String usagePlanId, String startDate, String endDate, Map<String, List<List<Long>>> values) {}
}
