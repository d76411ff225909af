package dev.restgate.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.StageCaches;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.MutableClock;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage cache in the gateway's memory, through the running gateway: what is cached, for how long, under which
 * key, and what a client's {@code Cache-Control: max-age=0} does under each strategy. Without the authorizers
 * module on the class path no caller can prove the {@code execute-api:InvalidateCache} permission, so an
 * invalidation that requires it is always unauthorized here (the WAR's tests cover signed callers).
 */
class StageCacheTest {
  static final String API = """
      openapi: 3.0.1
      info: {title: cached, version: "1"}
      paths:
        /items/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: type, in: query, schema: {type: string}}
              - {name: X-Tenant, in: header, schema: {type: string}}
            x-amazon-apigateway-integration:
              type: http_proxy
              httpMethod: GET
              uri: "${stageVariables.b}/items/{id}"
              requestParameters: {integration.request.path.id: method.request.path.id}
              cacheKeyParameters: [method.request.path.id, method.request.querystring.type]
          post:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            x-amazon-apigateway-integration:
              type: http_proxy
              httpMethod: POST
              uri: "${stageVariables.b}/items/{id}"
              requestParameters: {integration.request.path.id: method.request.path.id}
              cacheKeyParameters: [method.request.path.id]
        /orders:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "${stageVariables.b}/orders"}
          post:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "${stageVariables.b}/orders"}
        /fresh:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "${stageVariables.b}/fresh"}
        /big:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "${stageVariables.b}/big"}
        /strict:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "${stageVariables.b}/strict"}
        /quiet:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "${stageVariables.b}/quiet"}
        /open:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "${stageVariables.b}/open"}
        /missing:
          get:
            x-amazon-apigateway-integration:
              type: http_proxy
              httpMethod: GET
              uri: "${stageVariables.b}/status/404"
      """;
  static final String GATEWAY = """
      restApis:
        - id: cachedapi1
          body: api.yaml
          stages:
            - stageName: prod
              variables: {b: "%1$s"}
              cacheClusterEnabled: true
              cacheClusterSize: %2$s
              methodSettings:
                "*/*": {cacheTtlInSeconds: 60}
                "items/{id}/POST": {cachingEnabled: true}
                "fresh/GET": {cachingEnabled: false}
                "strict/GET": {unauthorizedCacheControlHeaderStrategy: FAIL_WITH_403}
                "quiet/GET": {unauthorizedCacheControlHeaderStrategy: SUCCEED_WITHOUT_RESPONSE_HEADER}
                "open/GET": {requireAuthorizationForCacheControl: false}
            - stageName: plain
              variables: {b: "%1$s"}
            - stageName: canary
              variables: {b: "%1$s"}
              cacheClusterEnabled: true
              canarySettings: {percentTraffic: 100, useStageCache: false}
            - stageName: shared
              variables: {b: "%1$s"}
              cacheClusterEnabled: true
              canarySettings: {percentTraffic: 100, useStageCache: true}
      """;

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;
  private static Path config;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("api.yaml"), API);
    config = Files.writeString(dir.resolve("gateway.yaml"), GATEWAY.formatted(backend.url(), "0.5"));
    gateway = EmbeddedGateway.start(load(config), dir.resolve("data"), CLOCK, StageCacheTest.class.getClassLoader());
  }

  private static GatewayConfig load(Path file) throws Exception {
    return ConfigLoader.standard(StageCacheTest.class.getClassLoader()).load(file);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> get(String stage, String path, String... headers) throws Exception {
    return Http.get(gateway.userRequest("cachedapi1", stage, path), headers);
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return Http.send(HttpRequest.newBuilder(gateway.userRequest("cachedapi1", "prod", path))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  /** The path of the request the backend received next. */
  private static String reached() throws Exception {
    return backend.next().rawPath();
  }

  @Test
  void aHitIsServedWithoutCallingTheBackendWithTheHeadersItFirstGot() throws Exception {
    HttpResponse<String> first = get("prod", "/items/h1");
    assertThat(reached()).isEqualTo("/items/h1");

    HttpResponse<String> second = get("prod", "/items/h1");
    backend.expectNoMoreRequests();

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body()).contains("/items/h1");
    assertThat(second.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(second.headers().firstValue("X-Backend")).hasValue("recording");
    assertThat(second.headers().firstValue("x-amzn-RequestId"))
        .isNotEqualTo(first.headers().firstValue("x-amzn-RequestId"));
  }

  @Test
  void entriesExpireAfterTheMethodsTtl() throws Exception {
    get("prod", "/items/t1");
    assertThat(reached()).isEqualTo("/items/t1");

    CLOCK.advance(Duration.ofSeconds(59));
    get("prod", "/items/t1");
    backend.expectNoMoreRequests();

    CLOCK.advance(Duration.ofSeconds(2));
    get("prod", "/items/t1");
    assertThat(reached()).isEqualTo("/items/t1");
  }

  @Test
  void onlyTheDeclaredCacheKeyParametersVaryTheEntry() throws Exception {
    get("prod", "/items/k1?type=a");
    assertThat(reached()).isEqualTo("/items/k1");

    get("prod", "/items/k1?type=a&page=2", "X-Tenant", "other");
    backend.expectNoMoreRequests();

    get("prod", "/items/k1?type=b");
    assertThat(reached()).isEqualTo("/items/k1");
    get("prod", "/items/k2?type=a");
    assertThat(reached()).isEqualTo("/items/k2");
    get("prod", "/items/k1");
    assertThat(reached()).isEqualTo("/items/k1");
  }

  @Test
  void getIsCachedByDefaultOtherVerbsOnlyWhenTheirOwnSettingSaysSo() throws Exception {
    post("/items/p1");
    assertThat(reached()).isEqualTo("/items/p1");
    post("/items/p1");
    backend.expectNoMoreRequests();

    post("/orders");
    post("/orders");
    assertThat(reached()).isEqualTo("/orders");
    assertThat(reached()).isEqualTo("/orders");

    get("prod", "/fresh");
    get("prod", "/fresh");
    assertThat(reached()).isEqualTo("/fresh");
    assertThat(reached()).isEqualTo("/fresh");

    get("plain", "/orders");
    get("plain", "/orders");
    assertThat(reached()).isEqualTo("/orders");
    assertThat(reached()).isEqualTo("/orders");
  }

  @Test
  void answersOfAnyStatusAreCachedAsTheIntegrationGaveThem() throws Exception {
    assertThat(get("prod", "/missing").statusCode()).isEqualTo(404);
    assertThat(reached()).isEqualTo("/status/404");

    assertThat(get("prod", "/missing").statusCode()).isEqualTo(404);
    backend.expectNoMoreRequests();
  }

  @Test
  void aBodyOverOneMegabyteIsSentButNotCached() throws Exception {
    HttpResponse<byte[]> first = Http.sendForBytes(
        HttpRequest.newBuilder(gateway.userRequest("cachedapi1", "prod", "/big")).build());
    assertThat(first.body()).hasSize(16 * 1024 * 1024);
    assertThat(reached()).isEqualTo("/big");
    assertThat(backend.nextBigAnswer()).isEqualTo("completed");

    Http.sendForBytes(HttpRequest.newBuilder(gateway.userRequest("cachedapi1", "prod", "/big")).build());
    assertThat(reached()).isEqualTo("/big");
    assertThat(backend.nextBigAnswer()).isEqualTo("completed");
  }

  @Test
  void anUnauthorizedInvalidationIsIgnoredWithAWarningByDefault() throws Exception {
    get("prod", "/items/i1");
    assertThat(reached()).isEqualTo("/items/i1");

    HttpResponse<String> ignored = get("prod", "/items/i1", "Cache-Control", "no-store, max-age=0");
    backend.expectNoMoreRequests();
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.headers().firstValue("Warning")).hasValue(CachePlugin.IGNORED_WARNING);
  }

  @Test
  void failWith403RefusesAnUnauthorizedInvalidation() throws Exception {
    get("prod", "/strict");
    assertThat(reached()).isEqualTo("/strict");

    HttpResponse<String> refused = get("prod", "/strict", "Cache-Control", "max-age=0");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
    assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    backend.expectNoMoreRequests();

    assertThat(get("prod", "/strict").statusCode()).isEqualTo(200);
    backend.expectNoMoreRequests();
  }

  @Test
  void succeedWithoutResponseHeaderIgnoresItSilently() throws Exception {
    get("prod", "/quiet");
    assertThat(reached()).isEqualTo("/quiet");

    HttpResponse<String> ignored = get("prod", "/quiet", "Cache-Control", "MAX-AGE=0");
    backend.expectNoMoreRequests();
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.headers().firstValue("Warning")).isEmpty();
  }

  @Test
  void withoutRequiredAuthorizationAnyClientRefreshesTheEntry() throws Exception {
    get("prod", "/open");
    assertThat(reached()).isEqualTo("/open");

    CLOCK.advance(Duration.ofSeconds(50));
    get("prod", "/open", "Cache-Control", "max-age=0");
    assertThat(reached()).isEqualTo("/open");

    CLOCK.advance(Duration.ofSeconds(20));
    HttpResponse<String> refreshed = get("prod", "/open");
    backend.expectNoMoreRequests();
    assertThat(refreshed.headers().firstValue("Warning")).isEmpty();
  }

  @Test
  void flushingAStageEmptiesItsCacheAndHitsAndMissesAreCounted() throws Exception {
    StageCaches caches = gateway.gateway().service(StageCaches.class).orElseThrow();
    StageCaches.Statistics before = caches.statistics("cachedapi1", "prod").orElseThrow();

    get("prod", "/items/f1");
    assertThat(reached()).isEqualTo("/items/f1");
    get("prod", "/items/f1");
    backend.expectNoMoreRequests();

    assertThat(caches.flush("cachedapi1", "prod")).isTrue();
    get("prod", "/items/f1");
    assertThat(reached()).isEqualTo("/items/f1");

    StageCaches.Statistics after = caches.statistics("cachedapi1", "prod").orElseThrow();
    assertThat(after.hitCount() - before.hitCount()).isEqualTo(1);
    assertThat(after.missCount() - before.missCount()).isEqualTo(2);
    assertThat(caches.flush("cachedapi1", "plain")).isFalse();
    assertThat(caches.statistics("cachedapi1", "plain")).isEmpty();
  }

  @Test
  void canaryRequestsUseTheStageCacheOnlyWhenItsSettingsSaySo() throws Exception {
    get("canary", "/orders");
    get("canary", "/orders");
    assertThat(reached()).isEqualTo("/orders");
    assertThat(reached()).isEqualTo("/orders");

    get("shared", "/orders");
    assertThat(reached()).isEqualTo("/orders");
    get("shared", "/orders");
    backend.expectNoMoreRequests();
  }

  @Test
  void aReloadKeepsTheEntriesUnlessTheCacheIsResized() throws Exception {
    get("prod", "/items/r1");
    assertThat(reached()).isEqualTo("/items/r1");

    gateway.gateway().reload(load(config));
    get("prod", "/items/r1");
    backend.expectNoMoreRequests();

    Path resized = Files.writeString(config.resolveSibling("resized.yaml"), GATEWAY.formatted(backend.url(), "1.6"));
    gateway.gateway().reload(load(resized));
    try {
      get("prod", "/items/r1");
      assertThat(reached()).isEqualTo("/items/r1");
    } finally {
      gateway.gateway().reload(load(config));
    }
  }
}
