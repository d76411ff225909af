package dev.restgate.caching;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigRules;
import dev.restgate.config.ConfigSection;
import java.util.List;

/** Reads {@code cache}: {@code backend} ({@code local} or {@code redis}) and, for Redis, {@code redisUri}. */
public final class CacheSection implements ConfigSection<CacheConfig> {
  private static final List<String> KEYS = List.of("backend", "redisUri");

  @Override
  public List<String> keys() {
    return List.of("cache");
  }

  @Override
  public Class<CacheConfig> type() {
    return CacheConfig.class;
  }

  @Override
  public CacheConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("cache");
    if (!node.isObjectWith(KEYS)) {
      return CacheConfig.LOCAL;
    }
    String backend = node.field("backend").oneOf(List.of("local", "redis"));
    if (backend == null || backend.equals("local")) {
      node.refuseUnused(backend, "redisUri");
      return CacheConfig.LOCAL;
    }
    return new CacheConfig(backend,
        node.field("redisUri").required().string(ConfigRules.REDIS_URI, ConfigRules.REDIS_URI_RULE));
  }
}
