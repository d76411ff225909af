package dev.restgate.throttling;

import dev.restgate.model.QuotaSettings;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * The shape of a token bucket, built once per configuration: its Bucket4j configuration, the version that lets a
 * newer configuration replace an older one in a shared bucket, and how long an untouched bucket still matters.
 *
 * @param configuration the bucket, or null for a limit that admits nothing (a burst or quota of 0)
 * @param version the configuration's version: buckets made by an older configuration take this shape, keeping
 *     what they used ({@code ADDITIVE})
 * @param idle how long after its last use a bucket is the same as a new one (full again, or its window over)
 */
record Shape(BucketConfiguration configuration, long version, Duration idle) {
  private static final Duration MARGIN = Duration.ofSeconds(1);

  /**
   * A throttle: a bucket of {@code burst} tokens refilled with {@code rate} tokens per second, continuously
   * (fractional rates included). A rate of 0 never refills.
   */
  static Shape throttle(int burst, double rate, long version) {
    if (burst <= 0) {
      return new Shape(null, version, MARGIN);
    }
    Duration perToken = rate <= 0 ? Duration.ofDays(3650) : Duration.ofNanos(Math.max(1, Math.round(1e9 / rate)));
    Bandwidth bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(1, perToken).build();
    Duration idle = rate <= 0 ? perToken : perToken.multipliedBy(burst).plus(MARGIN);
    return new Shape(BucketConfiguration.builder().addLimit(bandwidth).build(), version, idle);
  }

  /** A quota window's bucket: {@code limit} tokens that do not come back before the window ends. */
  static Shape quota(QuotaSettings quota, long version) {
    if (quota.limit() <= 0) {
      return new Shape(null, version, MARGIN);
    }
    Duration longest = QuotaWindow.longest(quota.period());
    Bandwidth bandwidth = Bandwidth.builder().capacity(quota.limit()).refillIntervally(quota.limit(), longest)
        .build();
    return new Shape(BucketConfiguration.builder().addLimit(bandwidth).build(), version, longest.plus(MARGIN));
  }

  /** Whether this limit refuses every request. */
  boolean admitsNothing() {
    return configuration == null;
  }

  /** The capacity of the bucket (0 for a limit that admits nothing). */
  long capacity() {
    return configuration == null ? 0 : configuration.getBandwidths()[0].getCapacity();
  }
}
