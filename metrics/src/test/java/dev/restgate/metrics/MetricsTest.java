package dev.restgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known sequence of requests through a real gateway, then a scrape of {@code /_metrics}: AWS's metrics per API,
 * stage and (with {@code metricsEnabled}) method, errors by class, latency histograms, cache hits and misses; the
 * endpoint's bearer token.
 */
class MetricsTest {
  static final String TOKEN = "s3cr3t-scrape-token-0123456789";
  private static final String PROD = "ApiName=\"shop\",Stage=\"prod\"";
  private static final String PROD_ITEMS =
      "ApiName=\"shop\",Method=\"GET\",Resource=\"/items/{id}\",Stage=\"prod\"";
  private static final String BETA = "ApiName=\"shop\",Stage=\"beta\"";
  private static final String CACHED = "ApiName=\"shop\",Stage=\"cached\"";

  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;
  private static Scrape scrape;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    gateway = start(dir, backend, "metrics: {bearerToken: " + TOKEN + "}\n");
    for (int i = 0; i < 3; i++) {
      assertThat(get("prod", "/items/" + i).statusCode()).isEqualTo(200);
    }
    assertThat(get("prod", "/status/404").statusCode()).isEqualTo(404);
    assertThat(get("prod", "/status/429").statusCode()).isEqualTo(429);
    assertThat(get("prod", "/broken").statusCode()).isEqualTo(504);
    assertThat(get("beta", "/items/7").statusCode()).isEqualTo(200);
    // No method serves this path: it counts for the stage, as a 4XX error.
    assertThat(get("beta", "/nothing/here").statusCode()).isEqualTo(403);
    assertThat(get("cached", "/items/8").statusCode()).isEqualTo(200);
    assertThat(get("cached", "/items/8").statusCode()).isEqualTo(200);
    // Latency is recorded when a response's body is closed, just after the client has it: wait for the last one.
    scrape = scrapeUntil(s -> Double.valueOf(2).equals(
        s.value("apigateway_latency_milliseconds_count", CACHED)));
  }

  static EmbeddedGateway start(Path dir, RecordingBackend backend, String metricsSection) throws Exception {
    Files.writeString(dir.resolve("shop.yaml"), """
        openapi: 3.0.1
        info: {title: shop, version: "1"}
        paths:
          /items/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "%1$s/items/{id}"
                requestParameters: {integration.request.path.id: method.request.path.id}
          /status/{code}:
            get:
              parameters: [{name: code, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "%1$s/status/{code}"
                requestParameters: {integration.request.path.code: method.request.path.code}
          /broken:
            get:
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "http://127.0.0.1:9/x"}
          /:
            get:
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "%1$s/root"}
        """.formatted(backend.url()));
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: shopapi001
            body: shop.yaml
            stages:
              - stageName: prod
                methodSettings:
                  "items/{id}/GET": {metricsEnabled: true}
              - stageName: beta
              - stageName: cached
                cacheClusterEnabled: true
              - stageName: _metrics
        """ + metricsSection);
    return EmbeddedGateway.start(ConfigLoader.standard(MetricsTest.class.getClassLoader()).load(config),
        dir.resolve("data"), MetricsTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> get(String stage, String path) throws Exception {
    return Http.get(gateway.userRequest("shopapi001", stage, path));
  }

  static HttpResponse<String> scrape(EmbeddedGateway gateway, String... headers) throws Exception {
    return Http.get(gateway.uri("/_metrics"), headers);
  }

  /** Scrapes until {@code ready} holds, for up to five seconds. */
  private static Scrape scrapeUntil(Predicate<Scrape> ready) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      HttpResponse<String> response = scrape(gateway, "Authorization", "Bearer " + TOKEN);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Scrape parsed = Scrape.parse(response.body());
      if (ready.test(parsed) || System.nanoTime() > deadline) {
        return parsed;
      }
      Thread.sleep(20);
    }
  }

  @Test
  void countsPerApiStageAndMethod() {
    assertThat(scrape.value("apigateway_count_total", PROD_ITEMS)).isEqualTo(3.0);
    assertThat(scrape.value("apigateway_count_total", PROD)).isEqualTo(3.0);
    assertThat(scrape.value("apigateway_count_total", BETA)).isEqualTo(2.0);
    assertThat(scrape.value("apigateway_count_total", CACHED)).isEqualTo(2.0);
  }

  @Test
  void errorsAreCountedByClass() {
    assertThat(scrape.value("apigateway_4xxerror_total", PROD)).isEqualTo(2.0);
    assertThat(scrape.value("apigateway_5xxerror_total", PROD)).isEqualTo(1.0);
    assertThat(scrape.value("apigateway_4xxerror_total", PROD_ITEMS)).isEqualTo(0.0);
    assertThat(scrape.value("apigateway_5xxerror_total", PROD_ITEMS)).isEqualTo(0.0);
    assertThat(scrape.value("apigateway_4xxerror_total", BETA)).as("a path no method serves").isEqualTo(1.0);
  }

  @Test
  void metricsEnabledAddsMethodAndResourceOnlyToItsMethod() {
    assertThat(scrape.series().keySet().stream().filter(k -> k.startsWith("apigateway_count_total{")))
        .containsExactlyInAnyOrder("apigateway_count_total{" + PROD_ITEMS + "}", "apigateway_count_total{" + PROD
            + "}", "apigateway_count_total{" + BETA + "}", "apigateway_count_total{" + CACHED + "}",
            "apigateway_count_total{ApiName=\"shop\",Stage=\"_metrics\"}");
  }

  @Test
  void latencyHistogramsHaveTheirBucketsAndCounts() {
    assertThat(scrape.value("apigateway_latency_milliseconds_count", PROD_ITEMS)).isEqualTo(3.0);
    assertThat(scrape.value("apigateway_latency_milliseconds_count", PROD)).isEqualTo(3.0);
    assertThat(scrape.value("apigateway_integrationlatency_milliseconds_count", PROD_ITEMS)).isEqualTo(3.0);
    assertThat(scrape.value("apigateway_integrationlatency_milliseconds_count", PROD))
        .as("a failed integration has a latency too").isEqualTo(3.0);
    assertThat(scrape.value("apigateway_integrationlatency_milliseconds_count", CACHED))
        .as("a cache hit calls no integration").isEqualTo(1.0);
    for (String metric : List.of("apigateway_latency_milliseconds", "apigateway_integrationlatency_milliseconds")) {
      List<Double> buckets = new ArrayList<>();
      for (double bound : GatewayMeters.BUCKETS_MS) {
        Double value = scrape.value(metric + "_bucket", PROD_ITEMS + ",le=\"" + bound + "\"");
        assertThat(value).as(metric + " le=" + bound).isNotNull();
        buckets.add(value);
      }
      assertThat(buckets).as(metric + " is cumulative").isSortedAccordingTo(Double::compare);
      assertThat(scrape.value(metric + "_bucket", PROD_ITEMS + ",le=\"+Inf\"")).isEqualTo(3.0);
      assertThat(scrape.value(metric + "_sum", PROD_ITEMS)).isNotNull();
    }
  }

  @Test
  void cacheHitsAndMissesOfACachedStage() {
    assertThat(scrape.value("apigateway_cachehitcount_total", CACHED)).isEqualTo(1.0);
    assertThat(scrape.value("apigateway_cachemisscount_total", CACHED)).isEqualTo(1.0);
    assertThat(scrape.hasMetric("apigateway_cachehitcount_total")).isTrue();
    assertThat(scrape.value("apigateway_cachehitcount_total", PROD)).as("a stage without a cache").isNull();
  }

  @Test
  void jvmMetricsAreServed() {
    assertThat(scrape.hasMetric("jvm_memory_used_bytes")).isTrue();
    assertThat(scrape.hasMetric("jvm_threads_live_threads")).isTrue();
    assertThat(scrape.text()).contains("jvm_gc_");
  }

  @Test
  void theEndpointWantsTheBearerToken() throws Exception {
    HttpResponse<String> missing = scrape(gateway);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(missing.body()).doesNotContain("apigateway_");

    HttpResponse<String> wrong = scrape(gateway, "Authorization", "Bearer " + TOKEN + "x");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(scrape(gateway, "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(401);

    HttpResponse<String> right = scrape(gateway, "Authorization", "bearer " + TOKEN);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
  }

  @Test
  void anInvokeUrlWinsOverTheEndpoint() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(gateway.uri("/_metrics"))
        .header("Host", "shopapi001.execute-api.us-east-1.amazonaws.com").build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"path\":\"/root\"");
  }
}
