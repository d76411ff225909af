package dev.restgate.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
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
  public boolean tryConsume(String key, Shape shape, LongSupplier usedBefore) {
    if (shape.admitsNothing()) {
      return false;
    }
    Held held = buckets.get(key, k -> new Held(create(shape, usedBefore.getAsLong()), shape));
    if (held.shape.version() < shape.version()) {
      held.reshape(shape);
    }
    return held.bucket.tryConsume(1);
  }

  private Bucket create(Shape shape, long used) {
    BucketConfiguration configuration = shape.configuration();
    Bandwidth bandwidth = configuration.getBandwidths()[0];
    if (used > 0) {
      bandwidth = bandwidth.withInitialTokens(Math.max(0, bandwidth.getCapacity() - used));
    }
    return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
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
  }
}
