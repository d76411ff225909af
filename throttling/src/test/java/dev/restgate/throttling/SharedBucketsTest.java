package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.QuotaSettings;
import dev.restgate.testing.TestStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Buckets shared through the machine's real Redis and PostgreSQL: two stores stand for two gateway nodes, several
 * threads draw from both at once, and together they never admit more than the limit.
 */
class SharedBucketsTest {
  private static final int THREADS = 6;
  private static final int ATTEMPTS = 40;

  private static SharedBuckets redis() {
    return new SharedBuckets(new RedisStore(TestStores.redisUri(), new GatewayTimeMeter(Clock.systemUTC())), true,
        Clock.systemUTC());
  }

  private static SharedBuckets postgres() {
    return new SharedBuckets(new PostgresStore(TestStores.postgresUrl(), TestStores.POSTGRES_USER, null,
        new GatewayTimeMeter(Clock.systemUTC())), true, Clock.systemUTC());
  }

  @Test
  void twoNodesOnOneRedisNeverAdmitMoreThanTheLimitTogether() throws Exception {
    twoNodesAdmitExactlyTheLimit(SharedBucketsTest::redis);
  }

  @Test
  void twoNodesOnOnePostgresqlNeverAdmitMoreThanTheLimitTogether() throws Exception {
    twoNodesAdmitExactlyTheLimit(SharedBucketsTest::postgres);
  }

  @Test
  void aQuotaIsExactAcrossNodes() throws Exception {
    try (SharedBuckets first = redis(); SharedBuckets second = redis()) {
      Shape quota = Shape.quota(new QuotaSettings(7, 0, "DAY"), 1);
      String key = "test/quota/" + UUID.randomUUID();
      int admitted = 0;
      for (int i = 0; i < 10; i++) {
        admitted += (i % 2 == 0 ? first : second).tryConsume(key, quota, Buckets.FULL) ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(7);
    }
  }

  @Test
  void aNewerConfigurationReshapesASharedBucketKeepingWhatWasUsed() throws Exception {
    try (SharedBuckets node = postgres()) {
      String key = "test/reshape/" + UUID.randomUUID();
      assertThat(drain(node, key, Shape.throttle(5, 0.001, 1), 3)).isEqualTo(3);
      assertThat(drain(node, key, Shape.throttle(10, 0.001, 2), 20)).isEqualTo(7);
    }
  }

  private static int drain(Buckets buckets, String key, Shape shape, int attempts) throws Exception {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      admitted += buckets.tryConsume(key, shape, Buckets.FULL) ? 1 : 0;
    }
    return admitted;
  }

  private static void twoNodesAdmitExactlyTheLimit(Supplier<SharedBuckets> node) throws Exception {
    Shape shape = Shape.throttle(50, 0.001, System.currentTimeMillis());
    String key = "test/exact/" + UUID.randomUUID();
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try (SharedBuckets first = node.get(); SharedBuckets second = node.get()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Buckets buckets = t % 2 == 0 ? first : second;
        Callable<Integer> client = () -> drain(buckets, key, shape, ATTEMPTS);
        results.add(clients.submit(client));
      }
      int admitted = 0;
      for (Future<Integer> result : results) {
        admitted += result.get();
      }
      assertThat(first.isUp()).isTrue();
      assertThat(second.isUp()).isTrue();
      assertThat(admitted).isEqualTo(50);
    } finally {
      clients.shutdownNow();
    }
  }
}
