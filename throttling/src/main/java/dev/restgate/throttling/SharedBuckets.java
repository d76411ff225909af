package dev.restgate.throttling;

import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.HealthCheck;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Buckets every gateway node shares, in Redis or PostgreSQL, through a Bucket4j proxy manager: each token is taken
 * with the store's compare-and-swap or row lock, so nodes together never admit more than a limit allows. While the
 * store does not answer, requests are admitted (fail open) or refused with 429 (fail closed), as configured; the
 * control plane's reads and changes of a bucket fail.
 */
final class SharedBuckets implements Buckets {
  /** A bucket's entry outlives its last use until the bucket would be full again (a quota's: its window's end). */
  static final ExpirationAfterWriteStrategy EXPIRY =
      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

  private final Store store;
  private final BackendHealth health;
  private final boolean failOpen;

  /** A shared store: connects on first use (and again after it was lost), then hands out its proxy manager. */
  interface Store extends AutoCloseable {
    ProxyManager<String> proxies();

    String location();

    /**
     * Asks the store whether it answers, within its timeout (for the readiness probe).
     *
     * @throws Exception why it does not answer
     */
    void ping() throws Exception;

    @Override
    void close();
  }

  /** The readiness check of the store: it answers a ping. */
  HealthCheck healthCheck() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "rateLimiting";
      }

      @Override
      public Optional<String> problem() {
        try {
          store.ping();
          return Optional.empty();
        } catch (Exception e) {
          return Optional.of("the rate limiting store at " + store.location() + " does not answer: "
              + BackendHealth.describe(e));
        }
      }
    };
  }

  SharedBuckets(Store store, boolean failOpen, Clock clock) {
    this.store = store;
    this.failOpen = failOpen;
    this.health = new BackendHealth("The rate limiting store at " + store.location(),
        failOpen ? "requests are served without the limits kept there" : "requests those limits apply to get 429",
        clock);
  }

  @Override
  public boolean tryConsume(String key, Shape shape, LongSupplier tokensBefore) throws GatewayException {
    if (shape.admitsNothing()) {
      return false;
    }
    if (!health.shouldTry()) {
      return unavailable();
    }
    boolean admitted;
    try {
      admitted = bucket(key, shape).tryConsume(1);
    } catch (RuntimeException e) {
      health.failed(e);
      return unavailable();
    }
    health.succeeded();
    return admitted;
  }

  @Override
  public long available(String key, Shape shape, LongSupplier tokensBefore) {
    return shape.admitsNothing() ? 0 : answer(() -> bucket(key, shape).getAvailableTokens());
  }

  /** Replaces the bucket's state in one operation, so no request sees it half set. */
  @Override
  public void fill(String key, Shape shape, long tokens) {
    if (!shape.admitsNothing()) {
      answer(() -> {
        bucket(key, shape).replaceConfiguration(shape.holding(tokens), TokensInheritanceStrategy.RESET);
        return tokens;
      });
    }
  }

  /** One bucket operation for the control plane, which must know that it happened: no failing open here. */
  private long answer(LongSupplier operation) {
    long result;
    try {
      result = operation.getAsLong();
    } catch (RuntimeException e) {
      health.failed(e);
      throw new IllegalStateException("The rate limiting store at " + location() + " does not answer ("
          + BackendHealth.describe(e) + ")", e);
    }
    health.succeeded();
    return result;
  }

  private Bucket bucket(String key, Shape shape) {
    return store.proxies().builder()
        .withImplicitConfigurationReplacement(shape.version(), TokensInheritanceStrategy.ADDITIVE)
        .build(key, shape::configuration);
  }

  private boolean unavailable() throws GatewayException {
    if (failOpen) {
      return true;
    }
    throw new GatewayException(GatewayResponseType.THROTTLED);
  }

  /** Connects to the store (creating its table), so that the first requests do not wait for it. */
  void connect() {
    try {
      store.proxies();
      health.succeeded();
    } catch (RuntimeException e) {
      health.failed(e);
    }
  }

  boolean isUp() {
    return health.isUp();
  }

  @Override
  public String location() {
    return store.location();
  }

  @Override
  public void close() {
    store.close();
  }
}
