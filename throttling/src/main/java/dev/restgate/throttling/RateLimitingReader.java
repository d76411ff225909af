package dev.restgate.throttling;

import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigRules;
import dev.restgate.model.ThrottleSettings;
import java.util.List;

/**
 * Reads {@code rateLimiting}: which engine keeps token buckets and quota counters, the connection settings that
 * engine needs, the account-level throttle and what happens while the engine is unreachable. A setting the chosen
 * engine does not use is an error.
 */
final class RateLimitingReader {
  static final List<String> KEYS =
      List.of("backend", "redisUri", "url", "username", "password", "accountThrottle", "failOpen");

  private RateLimitingReader() {}

  static RateLimitingConfig read(ConfigNode node) {
    if (!node.isObjectWith(KEYS)) {
      return RateLimitingConfig.LOCAL;
    }
    ThrottleSettings account = UsagePlanReader.throttle(node.field("accountThrottle"));
    Boolean failOpen = node.field("failOpen").bool();
    boolean open = failOpen == null || failOpen;
    String backend = node.field("backend").oneOf(List.of("local", "redis", "postgresql"));
    if (backend == null && node.field("backend").isPresent()) {
      return RateLimitingConfig.LOCAL;
    }
    if (backend == null || backend.equals("local")) {
      node.refuseUnused(backend, "redisUri", "url", "username", "password", "failOpen");
      return new RateLimitingConfig("local", null, null, null, null, account, true);
    }
    if (backend.equals("redis")) {
      node.refuseUnused(backend, "url", "username", "password");
      return new RateLimitingConfig(backend, node.field("redisUri").required().string(ConfigRules.REDIS_URI,
          ConfigRules.REDIS_URI_RULE), null, null, null, account,
          open);
    }
    node.refuseUnused(backend, "redisUri");
    return new RateLimitingConfig(backend, null, node.field("url").required().string(ConfigRules.JDBC_POSTGRESQL,
        ConfigRules.JDBC_POSTGRESQL_RULE), node.field("username").string(), node.field("password").string(),
        account, open);
  }
}
