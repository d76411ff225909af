package dev.restgate.throttling;

import dev.restgate.config.ConfigRules;
import dev.restgate.model.ThrottleSettings;

/**
 * Where token buckets and quota counters live, and the limits of the gateway as a whole.
 *
 * @param backend {@code local} (this node only, the default), {@code redis} or {@code postgresql}
 * @param redisUri e.g. {@code redis://127.0.0.1:6379} for {@code redis}
 * @param url the JDBC URL for {@code postgresql}
 * @param accountThrottle the account-level limit every request of this node draws from (AWS's 10,000 requests per
 *     second with a burst of 5,000 unless set)
 * @param failOpen whether requests are served without the shared limits while the backend is unreachable (the
 *     default, as AWS prefers availability) or refused with 429
 */
public record RateLimitingConfig(String backend, String redisUri, String url, String username, String password,
    ThrottleSettings accountThrottle, boolean failOpen) {

  /** AWS's account-level throttle in most regions. */
  public static final ThrottleSettings AWS_ACCOUNT_THROTTLE = new ThrottleSettings(5000, 10000.0);

  public static final RateLimitingConfig LOCAL =
      new RateLimitingConfig("local", null, null, null, null, AWS_ACCOUNT_THROTTLE, true);

  public RateLimitingConfig {
    accountThrottle = accountThrottle == null ? AWS_ACCOUNT_THROTTLE : new ThrottleSettings(
        accountThrottle.burstLimit() == null ? AWS_ACCOUNT_THROTTLE.burstLimit() : accountThrottle.burstLimit(),
        accountThrottle.rateLimit() == null ? AWS_ACCOUNT_THROTTLE.rateLimit() : accountThrottle.rateLimit());
  }

  /** Whether the buckets live in this process only. */
  public boolean isLocal() {
    return backend.equals("local");
  }

  /** Where the shared buckets live, for logs: no password. */
  public String location() {
    return switch (backend) {
      case "redis" -> ConfigRules.redisUriForLogs(redisUri);
      case "postgresql" -> url;
      default -> "this process";
    };
  }

  @Override
  public String toString() {
    return "RateLimitingConfig[backend=" + backend + ", location=" + location() + ", username=" + username
        + ", accountThrottle=" + accountThrottle + ", failOpen=" + failOpen + "]";
  }
}
