package dev.restgate.spi;

import java.util.Optional;

/**
 * The response caches of the stages that have one ({@code cacheClusterEnabled}), as a module serves them: the
 * whole-stage flush of AWS's {@code FlushStageCache} and the hit and miss counts behind {@code CacheHitCount} and
 * {@code CacheMissCount}. A module registers one for each configuration ({@link ModuleContext#registerService});
 * callers outside the gateway reach it with {@code Gateway.service(StageCaches.class)}. Thread-safe.
 */
public interface StageCaches {

  /**
   * Removes every entry of one stage's cache, on every gateway node that shares it.
   *
   * @return false when the stage has no cache
   * @throws RuntimeException when a shared store (Redis) cannot be reached; nothing is known to be removed then
   */
  boolean flush(String apiId, String stageName);

  /** The counts of one stage's cache since the gateway started, or empty when the stage has no cache. */
  Optional<Statistics> statistics(String apiId, String stageName);

  /**
   * How one stage's cache has served.
   *
   * @param hitCount requests answered from the cache
   * @param missCount requests the cache could have answered but sent to the integration (entries absent, expired
   *     or invalidated by the client)
   */
  record Statistics(long hitCount, long missCount) {}
}
