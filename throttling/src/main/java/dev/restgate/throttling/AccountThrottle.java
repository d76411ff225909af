package dev.restgate.throttling;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * The account-level limit: one bucket in this process that every request draws from, whatever its method. It is
 * counted per node: it protects the node, and a shared bucket every request takes from would make the shared store
 * the bottleneck of the whole cluster. A request brings its configuration's shape; the bucket takes a newer shape,
 * keeping the tokens used, the first time a request of a newer configuration arrives.
 */
final class AccountThrottle {
  private final TimeMeter time;
  private volatile Shape shape;
  private volatile Bucket bucket;

  AccountThrottle(Shape shape, TimeMeter time) {
    this.time = time;
    this.shape = shape;
    this.bucket = build(shape);
  }

  boolean tryConsume(Shape current) {
    if (current.version() > shape.version()) {
      reshape(current);
    }
    Bucket active = bucket;
    return active != null && active.tryConsume(1);
  }

  private synchronized void reshape(Shape newer) {
    if (newer.version() <= shape.version()) {
      return;
    }
    if (newer.admitsNothing() || bucket == null) {
      bucket = build(newer);
    } else if (!newer.configuration().equals(shape.configuration())) {
      bucket.replaceConfiguration(newer.configuration(), TokensInheritanceStrategy.ADDITIVE);
    }
    shape = newer;
  }

  private Bucket build(Shape newShape) {
    return newShape.admitsNothing() ? null
        : Bucket.builder().addLimit(newShape.configuration().getBandwidths()[0]).withCustomTimePrecision(time).build();
  }
}
