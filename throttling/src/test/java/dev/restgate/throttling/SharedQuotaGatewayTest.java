package dev.restgate.throttling;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.GatewayConfig;
import dev.restgate.config.StoreConfig;
import dev.restgate.model.ApiKey;
import dev.restgate.model.ApiStage;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.RestApi;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.UsagePlanDirectory;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.MutableClock;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import dev.restgate.testing.TestStores;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code UpdateUsage} in a cluster: two gateways whose buckets live in the machine's Redis or PostgreSQL, and whose
 * usage records live in PostgreSQL, see the same remaining requests whichever node was told, also when one of them
 * serves a newer configuration (which reshapes the buckets it touches).
 */
class SharedQuotaGatewayTest {
  private static final String API = "clusterap1";
  private static final String KEY_ID = "clusterkey";
  private static final String KEY = "cluster-key-0123456789abcdef";
  private static final LocalDate DAY = LocalDate.parse("2026-12-03");

  @TempDir
  Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  /** A plan of this run's own, so that no bucket or record of an earlier run counts. */
  private final String plan = "q" + UUID.randomUUID().toString().substring(0, 5);
  private final String quotaKey = "quota/" + plan + "/" + KEY_ID + "/" + DAY;
  private final String extensionKey = "extension/" + plan + "/" + KEY_ID + "/" + DAY;

  @AfterEach
  void removeRecords() throws Exception {
    try (Connection db = database(); PreparedStatement delete = db.prepareStatement(
        "DELETE FROM " + PostgresUsageStore.TABLE + " WHERE usage_plan_id = ?")) {
      delete.setString(1, plan);
      delete.executeUpdate();
    }
  }

  @Test
  void twoNodesOnOneRedisSeeTheSameRemainingRequests() throws Exception {
    RedisClient client = RedisClient.create(TestStores.redisUri());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      twoNodesSeeTheSameRemainingRequests(
          new RateLimitingConfig("redis", TestStores.redisUri(), null, null, null, null, true));
      assertThat(redis.sync().pttl(RedisStore.KEY_PREFIX + extensionKey))
          .as("the extension bucket lasts as long as its window").isGreaterThan(Duration.ofHours(12).toMillis());
      redis.sync().del(RedisStore.KEY_PREFIX + quotaKey, RedisStore.KEY_PREFIX + extensionKey);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void twoNodesOnOnePostgresqlSeeTheSameRemainingRequests() throws Exception {
    try (Connection db = database()) {
      try {
        twoNodesSeeTheSameRemainingRequests(new RateLimitingConfig("postgresql", null, TestStores.postgresUrl(),
            TestStores.POSTGRES_USER, null, null, true));
        try (PreparedStatement select = db.prepareStatement(
            "SELECT expires_at FROM " + PostgresStore.TABLE + " WHERE id = ?")) {
          select.setString(1, extensionKey);
          try (ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1) - clock.millis()).as("the extension bucket lasts as long as its window")
                .isGreaterThan(Duration.ofHours(12).toMillis());
          }
        }
      } finally {
        try (PreparedStatement delete = db.prepareStatement(
            "DELETE FROM " + PostgresStore.TABLE + " WHERE id IN (?, ?)")) {
          delete.setString(1, quotaKey);
          delete.setString(2, extensionKey);
          delete.executeUpdate();
        }
      }
    }
  }

  private void twoNodesSeeTheSameRemainingRequests(RateLimitingConfig limits) throws Exception {
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway first = start(limits, backend, "first");
        EmbeddedGateway second = start(limits, backend, "second")) {
      assertThat(List.of(call(first), call(second), call(first), call(second))).containsExactly(200, 200, 429, 429);

      UsagePlanDirectory.Usage usage = directory(first).updateRemaining(plan, KEY_ID, 5).orElseThrow();
      assertThat(usage.values().get(KEY_ID)).singleElement().satisfies(pair -> assertThat(pair.get(1)).isEqualTo(5));
      assertThat(today(second)).containsExactly(List.of(2L, 5L));

      second.gateway().reload(config(limits, backend));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(call(second));
        statuses.add(call(first));
      }
      assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!today(first).equals(List.of(List.of(7L, 0L))) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(today(first)).as("once both nodes wrote their counts").containsExactly(List.of(7L, 0L));
    }
  }

  private EmbeddedGateway start(RateLimitingConfig limits, RecordingBackend backend, String node) throws Exception {
    return EmbeddedGateway.start(config(limits, backend), data.resolve(node), clock, getClass().getClassLoader());
  }

  private GatewayConfig config(RateLimitingConfig limits, RecordingBackend backend) {
    RestApi api = TestApis.api(API)
        .method("/pets", "GET", httpProxy("GET", "${stageVariables.backend}/pets"), "NONE", null, true, Map.of())
        .build();
    UsagePlan usagePlan = new UsagePlan(plan, plan, null, List.of(new ApiStage(API, "prod", null)), null,
        new QuotaSettings(2, 0, "DAY"), null, null);
    UsagePlansConfig plans = new UsagePlansConfig(
        List.of(new ApiKey(KEY_ID, KEY, "cluster", null, null, true, null, null)), List.of(usagePlan),
        List.of(new UsagePlanKey(plan, KEY_ID, "API_KEY")), limits);
    GatewayConfig base = TestApis.config(api, "prod", Map.of("backend", backend.url()));
    return GatewayConfig.builder().restApi(base.restApis().get(0)).section(UsagePlansConfig.class, plans)
        .section(StoreConfig.class, new StoreConfig("postgresql", TestStores.postgresUrl(), TestStores.POSTGRES_USER,
            null))
        .build();
  }

  private static int call(EmbeddedGateway gateway) throws Exception {
    return Http.send(HttpRequest.newBuilder(gateway.userRequest(API, "prod", "/pets")).header("x-api-key", KEY)
        .build()).statusCode();
  }

  private static UsagePlanDirectory directory(EmbeddedGateway gateway) {
    return gateway.gateway().service(UsagePlanDirectory.class).orElseThrow();
  }

  private List<List<Long>> today(EmbeddedGateway gateway) throws Exception {
    return directory(gateway).usage(plan, KEY_ID, DAY, DAY).orElseThrow().values().get(KEY_ID);
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(TestStores.postgresUrl(), TestStores.POSTGRES_USER, null);
  }
}
