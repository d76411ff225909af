package dev.restgate.throttling;

import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import java.util.List;

/**
 * What the API key and throttle plugins of one configuration share: its keys and plans, compiled, and the
 * module's long-lived buckets and usage records, which outlive the configuration.
 *
 * @param accountShape this configuration's account-level throttle, which the account bucket takes when the first
 *     request of this configuration draws from it
 * @param version the version of this configuration's bucket shapes; a later configuration has a larger one
 */
record Throttling(KeyRing keys, List<UsagePlan> plans, ThrottleSettings accountDefaults, Buckets buckets,
    AccountThrottle account, Shape accountShape, UsageRecords usage, long version) {

  /** A throttle from settings that may set only one of burst and rate: the other is the account's. */
  Shape throttle(Integer burstLimit, Double rateLimit) {
    return Shape.throttle(burstLimit != null ? burstLimit : accountDefaults.burstLimit(),
        rateLimit != null ? rateLimit : accountDefaults.rateLimit(), version);
  }

  Shape throttle(ThrottleSettings settings) {
    return throttle(settings.burstLimit(), settings.rateLimit());
  }
}
