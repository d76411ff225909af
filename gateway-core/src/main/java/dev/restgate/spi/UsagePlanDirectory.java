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
 * The API keys, usage plans and plan keys of a configuration, and their usage (AWS's {@code GetUsage}, and
 * {@code UpdateUsage}, which changes it), as the module enforcing them knows them. A module registers one for each
 * configuration ({@link ModuleContext#registerService}); the control plane reads it. Thread-safe.
 */
public interface UsagePlanDirectory {
  /** The most days one usage report covers, as in AWS. */
  int MAX_USAGE_DAYS = 90;
  /** The most requests {@link #updateRemaining} may leave a key: as many as the largest quota limit. */
  long MAX_REMAINING = Integer.MAX_VALUE;

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
   * AWS's {@code UpdateUsage}: leaves API key {@code keyId} exactly {@code remaining} requests in the current window
   * of the plan's quota, more than the plan's limit if so asked (a temporary extension), fewer to take requests
   * away. Requests the key makes from then on count against it, on every node that shares the quota's store, and
   * usage reports show it; the next window starts from the plan's limit again. It changes usage, not the plan, so
   * it applies to plans and keys declared in the configuration file as well as to those made at run time.
   *
   * @return the key's usage in the current window after the change: {@code startDate} and {@code endDate} the
   *     window's first and last day, and for the key one {@code [used, remaining]} pair, {@code used} being the
   *     requests it made in the window so far; empty when the plan does not exist
   * @throws IllegalArgumentException when the key is not in the plan, the plan has no quota, or {@code remaining}
   *     is negative or more than {@link #MAX_REMAINING}; nothing changes then
   * @throws IllegalStateException when the store of the quota or of the usage records does not answer, with a
   *     message for the caller; the change may be partly made then, and repeating the call completes it
   */
  Optional<Usage> updateRemaining(String usagePlanId, String keyId, long remaining);

  /**
   * A usage report as AWS's {@code GetUsage} and {@code UpdateUsage} return it.
   *
   * @param values by API key id, one {@code [used, remaining]} pair per day from {@code startDate} to
   *     {@code endDate}
   */
  record Usage(String usagePlanId, String startDate, String endDate, Map<String, List<List<Long>>> values) {}
}
