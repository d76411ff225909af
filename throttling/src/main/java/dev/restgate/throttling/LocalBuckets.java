package dev.restgate.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Buckets in this process's memory. A bucket is dropped once it has been idle long enough to be full again (or its
 * quota window is over), so memory follows the callers of the last minutes, not every caller ever seen.
 */
final class LocalBuckets implements Buckets {
  private final TimeMeter time;
  private final Cache<String, Held> buckets;

  LocalBuckets(Clock clock) {
    this.time = new GatewayTimeMeter(clock);
    this.buckets = Caffeine.newBuilder()
        .ticker(time::currentTimeNanos)
        .expireAfter(Expiry.accessing((String key, Held held) -> held.shape.idle()))
        .build();
  }

  @Override
  public boolean tryConsume(String key, Shape shape, LongSupplier tokensBefore) {
    return !shape.admitsNothing() && held(key, shape, tokensBefore).bucket.tryConsume(1);
  }

  @Override
  public long available(String key, Shape shape, LongSupplier tokensBefore) {
    return shape.admitsNothing() ? 0 : held(key, shape, tokensBefore).bucket.getAvailableTokens();
  }

  private Held held(String key, Shape shape, LongSupplier tokensBefore) {
    Held held = buckets.getIfPresent(key);
    if (held == null) {
      // Asked outside the cache's compute: it may read the usage records, or another bucket of this cache.
      long tokens = tokensBefore.getAsLong();
      held = buckets.get(key, k -> new Held(create(shape, tokens), shape));
    }
    if (held.shape.version() < shape.version()) {
      held.reshape(shape);
    }
    return held;
  }

  @Override
  public void fill(String key, Shape shape, long tokens) {
    if (!shape.admitsNothing()) {
      buckets.get(key, k -> new Held(create(shape, tokens), shape)).fill(shape, tokens);
    }
  }

  private Bucket create(Shape shape, long tokens) {
    BucketConfiguration configuration = shape.holding(Math.min(shape.capacity(), Math.max(0, tokens)));
    return Bucket.builder().addLimit(configuration.getBandwidths()[0]).withCustomTimePrecision(time).build();
  }

  @Override
  public String location() {
    return "this process";
  }

  @Override
  public void close() {
    buckets.invalidateAll();
  }

  /** A bucket with the shape it has now; a newer configuration reshapes it, keeping what it used. */
  private static final class Held {
    private final Bucket bucket;
    private volatile Shape shape;

    Held(Bucket bucket, Shape shape) {
      this.bucket = bucket;
      this.shape = shape;
    }

    synchronized void reshape(Shape newer) {
      if (shape.version() < newer.version()) {
        bucket.replaceConfiguration(newer.configuration(), TokensInheritanceStrategy.ADDITIVE);
        shape = newer;
      }
    }

    synchronized void fill(Shape newer, long tokens) {
      bucket.replaceConfiguration(newer.holding(tokens), TokensInheritanceStrategy.RESET);
      if (shape.version() < newer.version()) {
        shape = newer;
      }
    }
  }
}
