package dev.restgate.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.StageCaches;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestStores;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways sharing one stage cache in Redis, as the nodes of a cluster do: what one stored the other serves,
 * entries carry their TTL in Redis and name no parameter value, and a flush on one empties it for both.
 */
class RedisStageCacheTest {
  private static RecordingBackend backend;
  private static EmbeddedGateway first;
  private static EmbeddedGateway second;
  private static RedisClient redis;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    String uri = TestStores.redisUri();
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("api.yaml"), StageCacheTest.API);
    Path file = Files.writeString(dir.resolve("gateway.yaml"), StageCacheTest.GATEWAY.formatted(backend.url(), "0.5")
        + "cache: {backend: redis, redisUri: \"" + uri + "\"}\n");
    GatewayConfig config = ConfigLoader.standard(RedisStageCacheTest.class.getClassLoader()).load(file);
    first = EmbeddedGateway.start(config, dir.resolve("first"), RedisStageCacheTest.class.getClassLoader());
    second = EmbeddedGateway.start(config, dir.resolve("second"), RedisStageCacheTest.class.getClassLoader());
    redis = RedisClient.create(uri);
    connection = redis.connect();
  }

  @AfterAll
  static void stop() throws Exception {
    connection.close();
    redis.shutdown();
    first.close();
    second.close();
    backend.close();
  }

  @Test
  void withoutRedisEveryRequestGoesToTheIntegration(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("api.yaml"), StageCacheTest.API);
    Path file = Files.writeString(dir.resolve("gateway.yaml"), StageCacheTest.GATEWAY.formatted(backend.url(), "0.5")
        + "cache: {backend: redis, redisUri: \"redis://127.0.0.1:1\"}\n");
    EmbeddedGateway unreachable = EmbeddedGateway.start(
        ConfigLoader.standard(RedisStageCacheTest.class.getClassLoader()).load(file), dir.resolve("data"),
        RedisStageCacheTest.class.getClassLoader());
    try {
      for (int i = 0; i < 2; i++) {
        assertThat(get(unreachable, "/items/down").statusCode()).isEqualTo(200);
        assertThat(backend.next().rawPath()).isEqualTo("/items/down");
      }
      assertThat(unreachable.gateway().service(StageCaches.class).orElseThrow()
          .statistics("cachedapi1", "prod").orElseThrow().missCount()).isEqualTo(2);
    } finally {
      unreachable.close();
    }
  }

  private static HttpResponse<String> get(EmbeddedGateway gateway, String path) throws Exception {
    return Http.get(gateway.userRequest("cachedapi1", "prod", path));
  }

  @Test
  void whatOneGatewayStoredTheOtherServesUntilAFlush() throws Exception {
    String type = UUID.randomUUID().toString();
    HttpResponse<String> stored = get(first, "/items/shared?type=" + type);
    assertThat(backend.next().rawPath()).isEqualTo("/items/shared");

    HttpResponse<String> served = get(second, "/items/shared?type=" + type);
    backend.expectNoMoreRequests();
    assertThat(served.body()).isEqualTo(stored.body());
    assertThat(served.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");

    List<String> keys = connection.sync().keys("restgate:cache:cachedapi1/prod:*");
    assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(type));
    for (String key : keys) {
      assertThat(connection.sync().pttl(key)).isBetween(1L, 60_000L);
    }

    StageCaches caches = first.gateway().service(StageCaches.class).orElseThrow();
    assertThat(caches.flush("cachedapi1", "prod")).isTrue();
    assertThat(connection.sync().keys("restgate:cache:cachedapi1/prod:*")).isEmpty();
    get(second, "/items/shared?type=" + type);
    assertThat(backend.next().rawPath()).isEqualTo("/items/shared");
  }
}
