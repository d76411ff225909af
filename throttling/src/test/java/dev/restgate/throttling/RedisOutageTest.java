package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.testing.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis that goes away mid-test (a server of the test's own, on a free port): the gateway keeps answering without
 * waiting for it, fails open or closed as configured, and enforces limits again once Redis is back.
 */
class RedisOutageTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private Process redis;
  private int port;

  @AfterEach
  void stopRedis() {
    if (redis != null) {
      redis.destroyForcibly();
    }
  }

  private void startRedis() throws Exception {
    redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not start on port " + port);
  }

  private void stopRedisNow() throws InterruptedException {
    redis.destroyForcibly();
    redis.waitFor(10, TimeUnit.SECONDS);
  }

  private SharedBuckets buckets(boolean failOpen) {
    return new SharedBuckets(new RedisStore("redis://127.0.0.1:" + port, new GatewayTimeMeter(Clock.systemUTC())),
        failOpen, clock);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void failingOpenServesWhileRedisIsDownAndEnforcesAgainWhenItReturns() throws Exception {
    port = freePort();
    startRedis();
    Shape one = Shape.throttle(1, 0.001, 1);
    try (SharedBuckets buckets = buckets(true)) {
      assertThat(buckets.tryConsume("a", one, () -> 0)).isTrue();
      assertThat(buckets.tryConsume("a", one, () -> 0)).isFalse();

      stopRedisNow();
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(buckets.tryConsume("a", one, () -> 0)).isTrue();
      }
      assertThat(buckets.isUp()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

      startRedis();
      clock.advance(BackendHealth.RETRY_INTERVAL);
      awaitEnforced(buckets, one);
      assertThat(buckets.isUp()).isTrue();
    }
  }

  @Test
  void failingClosedRefusesWith429WhileRedisIsDown() throws Exception {
    port = freePort();
    startRedis();
    Shape many = Shape.throttle(100, 1, 1);
    try (SharedBuckets buckets = buckets(false)) {
      assertThat(buckets.tryConsume("b", many, () -> 0)).isTrue();
      stopRedisNow();
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> buckets.tryConsume("b", many, () -> 0)).isInstanceOf(GatewayException.class)
            .extracting(e -> ((GatewayException) e).type()).isEqualTo(GatewayResponseType.THROTTLED);
      }
    }
  }

  @Test
  void aRedisThatIsDownAtStartIsUsedOnceItAnswers() throws Exception {
    port = freePort();
    Shape one = Shape.throttle(1, 0.001, 1);
    try (SharedBuckets buckets = buckets(true)) {
      assertThat(buckets.tryConsume("c", one, () -> 0)).isTrue();
      assertThat(buckets.isUp()).isFalse();
      startRedis();
      clock.advance(BackendHealth.RETRY_INTERVAL);
      awaitEnforced(buckets, one);
    }
  }

  /** Lettuce reconnects on its own schedule; each try is one request of the retry interval. */
  private void awaitEnforced(SharedBuckets buckets, Shape one) throws Exception {
    String key = "after/" + System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean first = buckets.tryConsume(key, one, () -> 0);
      if (buckets.isUp()) {
        assertThat(first).isTrue();
        assertThat(buckets.tryConsume(key, one, () -> 0)).isFalse();
        return;
      }
      clock.advance(BackendHealth.RETRY_INTERVAL);
      Thread.sleep(200);
    }
    throw new AssertionError("the limits were not enforced again within 30 s of Redis returning");
  }
}
