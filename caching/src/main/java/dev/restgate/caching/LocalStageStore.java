package dev.restgate.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/**
 * One stage's entries in this process: a Caffeine cache weighted by the bytes of each entry, holding at most the
 * stage's cache capacity, each entry expiring its method's TTL after it was written. Time comes from the gateway's
 * clock, so tests can move it.
 */
final class LocalStageStore implements StageStore {
  private final Cache<String, Entry> entries;

  LocalStageStore(long capacityBytes, Clock clock) {
    this.entries = Caffeine.newBuilder()
        .maximumWeight(capacityBytes)
        .weigher((String key, Entry entry) -> entry.response().weight() + 2 * key.length())
        .expireAfter(Expiry.writing((String key, Entry entry) -> entry.ttl()))
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .build();
  }

  @Override
  public CachedResponse get(String key) {
    Entry entry = entries.getIfPresent(key);
    return entry == null ? null : entry.response();
  }

  @Override
  public void put(String key, CachedResponse response, Duration ttl) {
    entries.put(key, new Entry(response, ttl));
  }

  @Override
  public void flush() {
    entries.invalidateAll();
  }

  private record Entry(CachedResponse response, Duration ttl) {}
}
