package dev.restgate.throttling;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a shared store answers. After a failure, requests stop waiting on it: one request per
 * {@link #RETRY_INTERVAL} tries it again, the others go without. Each change of state is logged once.
 */
final class BackendHealth {
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(BackendHealth.class);

  private final String what;
  private final String whileDown;
  private final Clock clock;
  /** 0 while the store answers; otherwise when the next request may try it (epoch milliseconds). */
  private final AtomicLong retryAt = new AtomicLong();

  BackendHealth(String what, String whileDown, Clock clock) {
    this.what = what;
    this.whileDown = whileDown;
    this.clock = clock;
  }

  /** Whether this request should use the store: always while it answers, else one request per interval. */
  boolean shouldTry() {
    long at = retryAt.get();
    if (at == 0) {
      return true;
    }
    long now = clock.millis();
    return now >= at && retryAt.compareAndSet(at, now + RETRY_INTERVAL.toMillis());
  }

  void succeeded() {
    if (retryAt.get() != 0 && retryAt.getAndSet(0) != 0) {
      LOG.info("{} answers again; limits are enforced again", what);
    }
  }

  void failed(Throwable cause) {
    if (retryAt.getAndSet(clock.millis() + RETRY_INTERVAL.toMillis()) == 0) {
      LOG.warn("{} does not answer ({}); {} until it does. Retrying every {} s.", what, describe(cause), whileDown,
          RETRY_INTERVAL.toSeconds());
    }
  }

  boolean isUp() {
    return retryAt.get() == 0;
  }

  /** The root cause of a failure, in one line. */
  static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
