package dev.restgate.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code store} and {@code rateLimiting}: which engine keeps state, and the connection settings that engine
 * needs. A setting the chosen engine does not use is an error, so that a half-edited switch of engine is noticed.
 */
final class BackendReader {
  static final List<String> STORE_KEYS = List.of("type", "url", "username", "password");
  static final List<String> RATE_LIMITING_KEYS = List.of("backend", "redisUri", "url", "username", "password");
  private static final Pattern REDIS_URI = Pattern.compile("rediss?://.+");
  private static final String JDBC_RULE = "use a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/gateway";

  private BackendReader() {}

  static StoreConfig store(Node node) {
    if (!node.isObjectWith(STORE_KEYS)) {
      return StoreConfig.EMBEDDED;
    }
    String type = node.field("type").oneOf(List.of("embedded", "postgresql"));
    if (type == null && node.field("type").isPresent()) {
      return StoreConfig.EMBEDDED;
    }
    if (type == null || type.equals("embedded")) {
      unused(node, type, "url", "username", "password");
      return StoreConfig.EMBEDDED;
    }
    return new StoreConfig(type, node.field("url").required().string(Rules.JDBC_POSTGRESQL, JDBC_RULE),
        node.field("username").string(), node.field("password").string());
  }

  static RateLimitingConfig rateLimiting(Node node) {
    if (!node.isObjectWith(RATE_LIMITING_KEYS)) {
      return RateLimitingConfig.LOCAL;
    }
    String backend = node.field("backend").oneOf(List.of("local", "redis", "postgresql"));
    if (backend == null && node.field("backend").isPresent()) {
      return RateLimitingConfig.LOCAL;
    }
    if (backend == null || backend.equals("local")) {
      unused(node, backend, "redisUri", "url", "username", "password");
      return RateLimitingConfig.LOCAL;
    }
    if (backend.equals("redis")) {
      unused(node, backend, "url", "username", "password");
      return new RateLimitingConfig(backend, node.field("redisUri").required().string(REDIS_URI,
          "use redis://host:6379 (or rediss:// for TLS; credentials go in the URI)"), null, null, null);
    }
    unused(node, backend, "redisUri");
    return new RateLimitingConfig(backend, null, node.field("url").required().string(Rules.JDBC_POSTGRESQL,
        JDBC_RULE), node.field("username").string(), node.field("password").string());
  }

  private static void unused(Node node, String choice, String... keys) {
    for (String key : keys) {
      if (node.field(key).isPresent()) {
        node.field(key).problem("is not used by " + (choice == null ? "the default engine" : choice)
            + "; remove it, or choose the engine that needs it");
      }
    }
  }
}
