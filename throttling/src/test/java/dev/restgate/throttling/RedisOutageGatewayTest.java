package dev.restgate.throttling;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.GatewayConfig;
import dev.restgate.model.ApiKey;
import dev.restgate.model.ApiStage;
import dev.restgate.model.RestApi;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway whose rate limits live in Redis keeps answering while Redis is down, and enforces them once it is back. */
class RedisOutageGatewayTest {
  private static final String API = "outageapi1";
  private static final String KEY = "outage-key-0123456789abcdef";

  @TempDir
  Path data;

  @Test
  void theGatewayServesWhileRedisIsDownAndLimitsAgainWhenItReturns() throws Exception {
    try (RedisServer redis = new RedisServer().start(); RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = EmbeddedGateway.start(config(redis.uri(), backend.url()), data, Clock.systemUTC(),
            getClass().getClassLoader())) {
      HttpRequest request = HttpRequest.newBuilder(gateway.userRequest(API, "prod", "/pets"))
          .header("x-api-key", KEY).build();
      assertThat(Http.send(request).statusCode()).isEqualTo(200);
      assertThat(Http.send(request).statusCode()).isEqualTo(200);
      assertThat(Http.send(request).statusCode()).isEqualTo(429);

      redis.stop();
      for (int i = 0; i < 5; i++) {
        assertThat(Http.send(request).statusCode()).isEqualTo(200);
      }

      redis.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int status = 200;
      while (status != 429 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status = Http.send(request).statusCode();
      }
      assertThat(status).as("a request refused once Redis is back").isEqualTo(429);
    }
  }

  private static GatewayConfig config(String redisUri, String backendUrl) {
    RestApi api = TestApis.api(API)
        .method("/pets", "GET", httpProxy("GET", "${stageVariables.backend}/pets"), "NONE", null, true, Map.of())
        .build();
    UsagePlan plan = new UsagePlan("outage", "outage", null, List.of(new ApiStage(API, "prod", null)),
        new ThrottleSettings(2, 0.001), null, null, null);
    UsagePlansConfig plans = new UsagePlansConfig(
        List.of(new ApiKey("outagekey1", KEY, "outage", null, null, true, null, null)), List.of(plan),
        List.of(new UsagePlanKey("outage", "outagekey1", "API_KEY")),
        new RateLimitingConfig("redis", redisUri, null, null, null, null, true));
    GatewayConfig base = TestApis.config(api, "prod", Map.of("backend", backendUrl));
    return GatewayConfig.builder().restApi(base.restApis().get(0)).section(UsagePlansConfig.class, plans).build();
  }
}
