package dev.restgate.caching;

import dev.restgate.config.ConfigRules;

/**
 * Where stage caches keep their entries: the {@code cache} section of {@code gateway.yaml}.
 *
 * @param backend {@code local} (each gateway node's memory, the default) or {@code redis} (shared by every node)
 * @param redisUri e.g. {@code redis://127.0.0.1:6379} for {@code redis}
 */
public record CacheConfig(String backend, String redisUri) {
  static final CacheConfig LOCAL = new CacheConfig("local", null);

  /** Where entries are kept, as logs may show it (no credentials). */
  String location() {
    return backend.equals("redis") ? ConfigRules.redisUriForLogs(redisUri) : "this gateway's memory";
  }
}
