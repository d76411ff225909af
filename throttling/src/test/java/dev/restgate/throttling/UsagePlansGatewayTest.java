package dev.restgate.throttling;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.model.ApiKey;
import dev.restgate.model.ApiStage;
import dev.restgate.model.Deployment;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.UsagePlanDirectory;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.MutableClock;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys, usage plans and throttles over real HTTP, with the gateway's clock in the test's hands. */
class UsagePlansGatewayTest {
  private static final String API = "usageapi01";
  private static final String ALICE = "alice-key-0123456789abcdef";
  private static final String CAROL = "carol-key-0123456789abcdef";
  private static final String DAVE = "dave-key-0123456789abcdefg";
  private static final String ERIN = "erin-key-0123456789abcdefg";

  @TempDir
  Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private RecordingBackend backend;
  private EmbeddedGateway gateway;

  @BeforeEach
  void start() throws Exception {
    backend = new RecordingBackend();
    gateway = startGateway();
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private EmbeddedGateway startGateway() throws Exception {
    RestApi api = TestApis.api(API)
        .method("/pets", "GET", httpProxy("GET", "${stageVariables.backend}/pets"), "NONE", null, true, Map.of())
        .method("/pets", "POST", httpProxy("POST", "${stageVariables.backend}/pets"), "NONE", null, true, Map.of())
        .method("/open", "GET", httpProxy("GET", "${stageVariables.backend}/open"))
        .method("/limited", "GET", httpProxy("GET", "${stageVariables.backend}/limited"))
        .build();
    Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, api);
    Map<String, String> variables = Map.of("backend", backend.url());
    Stage prod = new Stage("prod", "dep001", null, variables, Map.of("limited/GET",
        new MethodSetting(null, null, null, 2, 1.0, null, null, null, null, null)), null, null, null, null, null,
        null);
    Stage beta = new Stage("beta", "dep001", null, variables, null, null, null, null, null, null, null);
    UsagePlan basic = new UsagePlan("basic1", "Basic", null,
        List.of(new ApiStage(API, "prod", Map.of("/pets/POST", new ThrottleSettings(1, 1.0)))),
        new ThrottleSettings(3, 1.0), new QuotaSettings(6, 0, "DAY"), null, null);
    UsagePlan betaPlan = new UsagePlan("betapl", "Beta", null, List.of(new ApiStage(API, "beta", null)), null, null,
        null, null);
    UsagePlansConfig plans = new UsagePlansConfig(
        List.of(key("alicekey01", ALICE, true), key("carolkey01", CAROL, false), key("davekey001", DAVE, true),
            key("erinkey001", ERIN, true)),
        List.of(basic, betaPlan),
        List.of(new UsagePlanKey("basic1", "alicekey01", "API_KEY"), new UsagePlanKey("basic1", "carolkey01",
            "API_KEY"), new UsagePlanKey("betapl", "erinkey001", "API_KEY")),
        RateLimitingConfig.LOCAL);
    GatewayConfig config = GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(deployment), List.of(prod, beta)))
        .section(UsagePlansConfig.class, plans)
        .build();
    return EmbeddedGateway.start(config, data, clock, getClass().getClassLoader());
  }

  private static ApiKey key(String id, String value, boolean enabled) {
    return new ApiKey(id, value, id, null, null, enabled, null, null);
  }

  private HttpResponse<String> call(String method, String path, String key) throws Exception {
    return call("prod", method, path, key);
  }

  private HttpResponse<String> call(String stage, String method, String path, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.userRequest(API, stage, path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      request.header("x-api-key", key);
    }
    return Http.send(request.build());
  }

  private static void assertRefused(HttpResponse<String> response, int status, String message, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void aKeyThatIsMissingWrongDisabledOrInNoPlanOfTheStageGets403AndReachesNothing() throws Exception {
    assertRefused(call("GET", "/pets", null), 403, "Forbidden", "ForbiddenException");
    assertRefused(call("GET", "/pets", ""), 403, "Forbidden", "ForbiddenException");
    assertRefused(call("GET", "/pets", ALICE.replace('a', 'b')), 403, "Forbidden", "ForbiddenException");
    assertRefused(call("GET", "/pets", ALICE + "x"), 403, "Forbidden", "ForbiddenException");
    assertRefused(call("GET", "/pets", CAROL), 403, "Forbidden", "ForbiddenException");
    assertRefused(call("GET", "/pets", DAVE), 403, "Forbidden", "ForbiddenException");
    assertRefused(call("GET", "/pets", ERIN), 403, "Forbidden", "ForbiddenException");
    backend.expectNoMoreRequests();
  }

  @Test
  void aKeyInAPlanOfTheStageReachesTheIntegration() throws Exception {
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets");
    assertThat(call("beta", "GET", "/pets", ERIN).statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets");
  }

  @Test
  void thePlanThrottleAdmitsItsBurstAtOnceThenItsRatePerSecond() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
    }
    assertRefused(call("GET", "/pets", ALICE), 429, "Too Many Requests", "TooManyRequestsException");
    clock.advance(Duration.ofMillis(999));
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(429);
  }

  @Test
  void aPerMethodThrottleOfThePlanReplacesThePlanThrottleForThatMethod() throws Exception {
    assertThat(call("POST", "/pets", ALICE).statusCode()).isEqualTo(200);
    assertRefused(call("POST", "/pets", ALICE), 429, "Too Many Requests", "TooManyRequestsException");
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
  }

  @Test
  void theQuotaAdmitsExactlyItsLimitInItsWindowThenLimitExceededUntilTheWindowTurns() throws Exception {
    for (int i = 0; i < 6; i++) {
      assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(5));
    }
    assertRefused(call("GET", "/pets", ALICE), 429, "Limit Exceeded", "LimitExceededException");
    clock.set(Instant.parse("2026-12-03T23:59:59Z"));
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(429);
    clock.set(Instant.parse("2026-12-04T00:00:00Z"));
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
  }

  @Test
  void quotaUsageSurvivesARestart() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(5));
    }
    gateway.close();
    gateway = startGateway();
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(5));
    assertThat(call("GET", "/pets", ALICE).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(5));
    assertRefused(call("GET", "/pets", ALICE), 429, "Limit Exceeded", "LimitExceededException");
  }

  /** Calls {@code GET /pets} with Alice's key {@code times} times, five seconds apart, so that her throttle refills. */
  private List<Integer> spend(int times) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      statuses.add(call("GET", "/pets", ALICE).statusCode());
      clock.advance(Duration.ofSeconds(5));
    }
    return statuses;
  }

  private UsagePlanDirectory directory() {
    return gateway.gateway().service(UsagePlanDirectory.class).orElseThrow();
  }

  private List<List<Long>> aliceToday() throws Exception {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return directory().usage("basic1", "alicekey01", today, today).orElseThrow().values().get("alicekey01");
  }

  @Test
  void updateUsageLeavesExactlyTheRemainingRequestsBeyondTheLimitAndARestartKeepsThem() throws Exception {
    assertThat(spend(7)).containsExactly(200, 200, 200, 200, 200, 200, 429);

    UsagePlanDirectory.Usage usage = directory().updateRemaining("basic1", "alicekey01", 8).orElseThrow();
    assertThat(usage.startDate()).isEqualTo("2026-12-03");
    assertThat(usage.endDate()).isEqualTo("2026-12-03");
    assertThat(usage.values()).containsExactly(Map.entry("alicekey01", List.of(List.of(6L, 8L))));
    assertThat(aliceToday()).containsExactly(List.of(6L, 8L));

    assertThat(spend(1)).containsExactly(200);
    gateway.close();
    gateway = startGateway();
    assertThat(aliceToday()).containsExactly(List.of(7L, 7L));
    assertThat(spend(8)).containsExactly(200, 200, 200, 200, 200, 200, 200, 429);
    assertThat(aliceToday()).containsExactly(List.of(14L, 0L));

    clock.set(Instant.parse("2026-12-04T00:00:00Z"));
    assertThat(spend(7)).containsExactly(200, 200, 200, 200, 200, 200, 429);
  }

  @Test
  void updateUsageTakesRequestsAwayAndGivesThemBack() throws Exception {
    assertThat(spend(1)).containsExactly(200);
    assertThat(directory().updateRemaining("basic1", "alicekey01", 3).orElseThrow().values())
        .containsExactly(Map.entry("alicekey01", List.of(List.of(1L, 3L))));
    assertThat(aliceToday()).containsExactly(List.of(1L, 3L));
    assertThat(spend(4)).containsExactly(200, 200, 200, 429);
    assertThat(aliceToday()).containsExactly(List.of(4L, 0L));

    directory().updateRemaining("basic1", "alicekey01", 2);
    assertThat(aliceToday()).containsExactly(List.of(4L, 2L));
    gateway.close();
    gateway = startGateway();
    assertThat(directory().updateRemaining("basic1", "alicekey01", 1).orElseThrow().values())
        .containsExactly(Map.entry("alicekey01", List.of(List.of(4L, 1L))));
    assertThat(spend(2)).containsExactly(200, 429);
    assertThat(aliceToday()).containsExactly(List.of(5L, 0L));
  }

  @Test
  void updateUsageRefusesAKeyOutsideThePlanAPlanWithoutQuotaAndANegativeCount() {
    assertThat(directory().updateRemaining("nosuch", "alicekey01", 1)).isEmpty();
    assertThatThrownBy(() -> directory().updateRemaining("basic1", "davekey001", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("API key davekey001 is not in usage plan basic1");
    assertThatThrownBy(() -> directory().updateRemaining("betapl", "erinkey001", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Usage plan betapl has no quota");
    assertThatThrownBy(() -> directory().updateRemaining("basic1", "alicekey01", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 2147483647");
  }

  @Test
  void methodsWithoutApiKeyRequiredIgnoreKeysAndAreNeverThrottledByPlans() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(call("GET", "/open", i % 2 == 0 ? "not-a-key" : ALICE).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theStageMethodThrottleAppliesWithoutKeys() throws Exception {
    assertThat(call("GET", "/limited", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/limited", null).statusCode()).isEqualTo(200);
    assertRefused(call("GET", "/limited", null), 429, "Too Many Requests", "TooManyRequestsException");
    assertThat(call("GET", "/open", null).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(call("GET", "/limited", null).statusCode()).isEqualTo(200);
  }
}
