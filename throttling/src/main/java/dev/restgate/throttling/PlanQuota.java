package dev.restgate.throttling;

import dev.restgate.model.QuotaSettings;
import dev.restgate.spi.GatewayException;
import java.time.LocalDate;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A usage plan's quota as each of its keys draws from it, one window at a time. A key's window has two buckets: the
 * quota bucket, in the plan's shape, which holds at most the plan's limit; and the extension bucket, empty until
 * {@code UpdateUsage} leaves the key more than the limit, which holds the rest. A request takes from the quota
 * bucket, and from the extension bucket only once the quota bucket is empty. The rest cannot live in the quota
 * bucket itself: Bucket4j cuts a bucket down to its capacity whenever a newer configuration reshapes it, which
 * every configuration change does, and so does every node whose configuration is newer.
 *
 * @param shape the quota bucket's shape
 * @param extension the extension bucket's shape
 */
record PlanQuota(String usagePlanId, QuotaSettings settings, Shape shape, Shape extension) {
  private static final Logger LOG = LoggerFactory.getLogger(PlanQuota.class);

  /** The quota of a plan, in the shapes of configuration {@code version}. */
  static PlanQuota of(String usagePlanId, QuotaSettings settings, long version) {
    return new PlanQuota(usagePlanId, settings, Shape.quota(settings, version), Shape.extension(settings, version));
  }

  /** The window {@code day} falls in. */
  QuotaWindow window(LocalDate day) {
    return QuotaWindow.of(settings, day);
  }

  /**
   * Takes one request from the key's quota in the window of {@code day}. Buckets that forget on restart start with
   * what the usage records say the key has left: the quota bucket up to the limit, the extension bucket with what
   * the quota bucket does not hold.
   *
   * @return whether the key had a request left
   */
  boolean tryConsume(Buckets buckets, UsageRecords records, String keyId, LocalDate day) throws GatewayException {
    QuotaWindow window = window(day);
    return buckets.tryConsume(quotaKey(keyId, window), shape, quotaBefore(records, keyId, window, day))
        || buckets.tryConsume(extensionKey(keyId, window), extension,
            extensionBefore(buckets, records, keyId, window, day));
  }

  /**
   * What the key has left in the window of {@code day}, as its buckets say.
   *
   * @throws IllegalStateException when the shared store does not answer
   */
  long remaining(Buckets buckets, UsageRecords records, String keyId, LocalDate day) {
    QuotaWindow window = window(day);
    return buckets.available(quotaKey(keyId, window), shape, quotaBefore(records, keyId, window, day))
        + buckets.available(extensionKey(keyId, window), extension,
            extensionBefore(buckets, records, keyId, window, day));
  }

  /**
   * Leaves the key exactly {@code remaining} requests in the window of {@code day} ({@code UpdateUsage}): up to the
   * plan's limit in the quota bucket, the rest in the extension bucket.
   *
   * @throws IllegalStateException when the shared store does not answer
   */
  void setRemaining(Buckets buckets, String keyId, LocalDate day, long remaining) {
    QuotaWindow window = window(day);
    long withinLimit = Math.min(remaining, shape.capacity());
    buckets.fill(extensionKey(keyId, window), extension, remaining - withinLimit);
    buckets.fill(quotaKey(keyId, window), shape, withinLimit);
  }

  private LongSupplier quotaBefore(UsageRecords records, String keyId, QuotaWindow window, LocalDate day) {
    return () -> left(records, keyId, window, day, settings.limit(), "its quota counts from 0");
  }

  /**
   * What the records say the key has left beyond what its quota bucket holds: the quota bucket, always made first,
   * has its part already, or requests have spent it.
   */
  private LongSupplier extensionBefore(Buckets buckets, UsageRecords records, String keyId, QuotaWindow window,
      LocalDate day) {
    return () -> left(records, keyId, window, day, 0, "it has no more than the plan's limit")
        - buckets.available(quotaKey(keyId, window), shape, quotaBefore(records, keyId, window, day));
  }

  /** What the key had left in the window by the usage records, or {@code unknown} when they cannot be read. */
  private long left(UsageRecords records, String keyId, QuotaWindow window, LocalDate day, long unknown,
      String meaning) {
    try {
      return records.total(usagePlanId, keyId, window.start(), day).left(settings.limit());
    } catch (Exception e) {
      LOG.warn("The usage of API key {} in usage plan {} could not be read ({}); {} in this window", keyId,
          usagePlanId, e.toString(), meaning);
      return unknown;
    }
  }

  private String quotaKey(String keyId, QuotaWindow window) {
    return "quota/" + usagePlanId + '/' + keyId + '/' + window.start();
  }

  private String extensionKey(String keyId, QuotaWindow window) {
    return "extension/" + usagePlanId + '/' + keyId + '/' + window.start();
  }
}
