package dev.restgate.caching;

import dev.restgate.spi.StageCaches;
import java.util.Map;
import java.util.Optional;

/** The stage caches of one configuration, by {@code apiId/stageName}. Immutable. */
final class StageCacheRegistry implements StageCaches {
  private final Map<String, StageCache> byStage;

  StageCacheRegistry(Map<String, StageCache> byStage) {
    this.byStage = Map.copyOf(byStage);
  }

  static String id(String apiId, String stageName) {
    return apiId + "/" + stageName;
  }

  /** The cache of one stage, or null when it has none. */
  StageCache stage(String apiId, String stageName) {
    return byStage.get(id(apiId, stageName));
  }

  @Override
  public boolean flush(String apiId, String stageName) {
    StageCache cache = stage(apiId, stageName);
    if (cache == null) {
      return false;
    }
    cache.store().flush();
    return true;
  }

  @Override
  public Optional<Statistics> statistics(String apiId, String stageName) {
    return Optional.ofNullable(stage(apiId, stageName)).map(StageCache::statistics);
  }
}
