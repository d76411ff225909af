package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.model.QuotaSettings;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.testing.MutableClock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis that goes away mid-test (a server of the test's own, on a free port): the gateway keeps answering without
 * waiting for it, fails open or closed as configured, and enforces limits again once Redis is back.
 */
class RedisOutageTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private RedisServer redis;

  @BeforeEach
  void newRedis() throws IOException {
    redis = new RedisServer();
  }

  @AfterEach
  void stopRedis() throws InterruptedException {
    redis.close();
  }

  private SharedBuckets buckets(boolean failOpen) {
    return new SharedBuckets(new RedisStore(redis.uri(), new GatewayTimeMeter(Clock.systemUTC())), failOpen, clock);
  }

  @Test
  void failingOpenServesWhileRedisIsDownAndEnforcesAgainWhenItReturns() throws Exception {
    redis.start();
    Shape one = Shape.throttle(1, 0.001, 1);
    try (SharedBuckets buckets = buckets(true)) {
      assertThat(buckets.tryConsume("a", one, Buckets.FULL)).isTrue();
      assertThat(buckets.tryConsume("a", one, Buckets.FULL)).isFalse();

      redis.stop();
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(buckets.tryConsume("a", one, Buckets.FULL)).isTrue();
      }
      assertThat(buckets.isUp()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

      redis.start();
      clock.advance(BackendHealth.RETRY_INTERVAL);
      awaitEnforced(buckets, one);
      assertThat(buckets.isUp()).isTrue();
    }
  }

  @Test
  void failingClosedRefusesWith429WhileRedisIsDown() throws Exception {
    redis.start();
    Shape many = Shape.throttle(100, 1, 1);
    try (SharedBuckets buckets = buckets(false)) {
      assertThat(buckets.tryConsume("b", many, Buckets.FULL)).isTrue();
      redis.stop();
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> buckets.tryConsume("b", many, Buckets.FULL)).isInstanceOf(GatewayException.class)
            .extracting(e -> ((GatewayException) e).type()).isEqualTo(GatewayResponseType.THROTTLED);
      }
    }
  }

  @Test
  void theControlPlaneCannotReadOrFillABucketWhileRedisIsDownEvenWhenRequestsFailOpen() throws Exception {
    redis.start();
    Shape quota = Shape.quota(new QuotaSettings(5, 0, "DAY"), 1);
    try (SharedBuckets buckets = buckets(true)) {
      buckets.fill("d", quota, 2);
      assertThat(buckets.available("d", quota, Buckets.FULL)).isEqualTo(2);
      redis.stop();
      assertThatThrownBy(() -> buckets.fill("d", quota, 3)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("does not answer");
      assertThatThrownBy(() -> buckets.available("d", quota, Buckets.FULL)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("does not answer");
      assertThat(buckets.isUp()).isFalse();
    }
  }

  @Test
  void aRedisThatIsDownAtStartIsUsedOnceItAnswers() throws Exception {
    Shape one = Shape.throttle(1, 0.001, 1);
    try (SharedBuckets buckets = buckets(true)) {
      assertThat(buckets.tryConsume("c", one, Buckets.FULL)).isTrue();
      assertThat(buckets.isUp()).isFalse();
      redis.start();
      clock.advance(BackendHealth.RETRY_INTERVAL);
      awaitEnforced(buckets, one);
    }
  }

  @Test
  void theReadinessCheckSaysWhetherRedisAnswers() throws Exception {
    redis.start();
    try (SharedBuckets buckets = buckets(true)) {
      assertThat(buckets.healthCheck().problem()).isEmpty();
      redis.stop();
      assertThat(buckets.healthCheck().problem()).hasValueSatisfying(reason -> assertThat(reason)
          .startsWith("the rate limiting store at redis://").contains("does not answer"));
    }
  }

  /** Lettuce reconnects on its own schedule; each try is one request of the retry interval. */
  private void awaitEnforced(SharedBuckets buckets, Shape one) throws Exception {
    String key = "after/" + System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean first = buckets.tryConsume(key, one, Buckets.FULL);
      if (buckets.isUp()) {
        assertThat(first).isTrue();
        assertThat(buckets.tryConsume(key, one, Buckets.FULL)).isFalse();
        return;
      }
      clock.advance(BackendHealth.RETRY_INTERVAL);
      Thread.sleep(200);
    }
    throw new AssertionError("the limits were not enforced again within 30 s of Redis returning");
  }
}
