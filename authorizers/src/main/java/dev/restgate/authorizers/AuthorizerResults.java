package dev.restgate.authorizers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The results of Lambda authorizers, cached per stage and authorizer by identity source values for the
 * authorizer's {@code authorizerResultTtlInSeconds}. Long-lived: it outlives configuration swaps, so a reload does
 * not make every caller's authorizer run again; a changed authorizer gets another scope (see
 * {@link LambdaAuthorizerCheck}). Bounded in size. Only results are cached: errors and {@code Unauthorized} are not.
 * Thread-safe.
 */
final class AuthorizerResults {
  private static final int MAX_ENTRIES = 10_000;

  private final Cache<String, Entry> cache;
  private final Clock clock;

  AuthorizerResults(Clock clock) {
    this.clock = clock;
    this.cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(new Expiry<String, Entry>() {
      @Override
      public long expireAfterCreate(String key, Entry entry, long currentTime) {
        return entry.ttl.toNanos();
      }

      @Override
      public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
        return entry.ttl.toNanos();
      }

      @Override
      public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
        return currentDuration;
      }
    }).build();
  }

  /** The result cached under {@code key} that has not expired by the gateway's clock, or null. */
  AuthorizerResult get(String key) {
    Entry entry = cache.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.expires)) {
      cache.asMap().remove(key, entry);
      return null;
    }
    return entry.result;
  }

  void put(String key, AuthorizerResult result, Duration ttl) {
    cache.put(key, new Entry(result, clock.instant().plus(ttl), ttl));
  }

  /** Forgets every result whose key starts with {@code scope} ({@code apiId/stage/} for a whole stage). */
  void flush(String scope) {
    cache.asMap().keySet().removeIf(key -> key.startsWith(scope));
  }

  private record Entry(AuthorizerResult result, Instant expires, Duration ttl) {}
}
