package dev.restgate.throttling;

import dev.restgate.model.QuotaSettings;
import dev.restgate.spi.UsagePlanDirectory;
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
  /** The most requests {@code UpdateUsage} may leave a key, plus one. */
  private static final long EXTENSION_CAPACITY = UsagePlanDirectory.MAX_REMAINING + 1;

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

  /**
   * The bucket of a key's quota window that holds what {@code UpdateUsage} left it beyond the plan's limit: empty
   * until then, and never refilled within the window. Its capacity is one more than anything {@code UpdateUsage}
   * may put in it, so it is never full (a shared store keeps a bucket only until it would be full again, and this
   * one must last as long as its window), and a newer configuration's shape never cuts what it holds.
   */
  static Shape extension(QuotaSettings quota, long version) {
    Duration longest = QuotaWindow.longest(quota.period());
    Bandwidth bandwidth = Bandwidth.builder().capacity(EXTENSION_CAPACITY)
        .refillIntervally(EXTENSION_CAPACITY, longest).initialTokens(0).build();
    return new Shape(BucketConfiguration.builder().addLimit(bandwidth).build(), version, longest.plus(MARGIN));
  }

  /**
   * This shape's configuration for a bucket that holds {@code tokens} from now on: a bucket's state replaced by it
   * ({@code RESET}) keeps this shape's capacity and refill and holds exactly that many tokens.
   */
  BucketConfiguration holding(long tokens) {
    return BucketConfiguration.builder().addLimit(configuration.getBandwidths()[0].withInitialTokens(tokens)).build();
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
