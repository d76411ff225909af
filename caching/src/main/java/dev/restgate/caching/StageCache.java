package dev.restgate.caching;

import dev.restgate.spi.StageCaches;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stage's cache: its entries and its hit and miss counts. Lives across reloads while the stage keeps its cache
 * and capacity; the counts live as long as the gateway.
 *
 * @param capacityBytes what {@code cacheClusterSize} allows, in bytes
 */
record StageCache(StageStore store, long capacityBytes, Counts counts) {

  CachedResponse get(String key) {
    return store.get(key);
  }

  void put(String key, CachedResponse response, Duration ttl) {
    store.put(key, response, ttl);
  }

  StageCaches.Statistics statistics() {
    return new StageCaches.Statistics(counts.hits.sum(), counts.misses.sum());
  }

  /** The hit and miss counts of one stage. */
  static final class Counts {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
  }
}
