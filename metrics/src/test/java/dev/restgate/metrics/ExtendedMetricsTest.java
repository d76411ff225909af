package dev.restgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.io.File;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics beyond AWS's per-method ones, after a known sequence of requests through a real gateway with the
 * throttling, authorizers and lambda modules: throttled and quota-refused requests per usage plan and key, Lambda
 * authorizer invocations and cache hits, local functions' invocations, durations and cold starts, and the outbound
 * HTTP client's pools. The clock stands still, so buckets never refill and cached authorizer results never expire.
 */
class ExtendedMetricsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final String FUNCTIONS =
      "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:";
  private static final String ALICE = "alice-key-0123456789abcdef";
  private static final String BOB = "bob-key-0123456789abcdef";
  private static final String STAGE = "ApiName=\"club\",Stage=\"prod\"";

  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;
  private static Scrape scrape;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    gateway = start(dir, backend);
    exercise(gateway);
    // Latency is recorded when a response's body is closed, just after the client has it: wait for the last one.
    scrape = scrapeUntil(gateway, s -> Double.valueOf(13).equals(sum(s, "apigateway_latency_milliseconds_count")));
  }

  static EmbeddedGateway start(Path dir, RecordingBackend backend) throws Exception {
    Files.writeString(dir.resolve("club.yaml"), """
        openapi: 3.0.1
        info: {title: club, version: "1"}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
            token:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: token
                authorizerUri: FUNCTIONSauthorizer/invocations
                authorizerResultTtlInSeconds: 300
        paths:
          /keyed:
            get:
              security: [{api_key: []}]
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "BACKEND/keyed"}
          /limited:
            get:
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "BACKEND/limited"}
          /members:
            get:
              security: [{token: []}]
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "BACKEND/members"}
          /hello:
            get:
              x-amazon-apigateway-integration:
                {type: aws_proxy, httpMethod: POST, uri: "FUNCTIONShello/invocations"}
          /boom:
            get:
              x-amazon-apigateway-integration:
                {type: aws_proxy, httpMethod: POST, uri: "FUNCTIONSboom/invocations"}
        """.replace("FUNCTIONS", FUNCTIONS).replace("BACKEND", backend.url()));
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: clubapi001
            body: club.yaml
            stages:
              - stageName: prod
                methodSettings:
                  "limited/GET": {throttlingRateLimit: 1, throttlingBurstLimit: 1}
        apiKeys:
          - {id: alicekey01, name: alice, value: ALICE, enabled: true}
          - {id: bobkey0001, name: bob, value: BOB, enabled: true}
        usagePlans:
          - id: goldpl
            name: Gold
            apiStages: [{apiId: clubapi001, stage: prod}]
            throttle: {burstLimit: 1, rateLimit: 1}
          - id: silvrp
            name: Silver
            apiStages: [{apiId: clubapi001, stage: prod}]
            quota: {limit: 1, period: DAY}
        usagePlanKeys:
          - {usagePlanId: goldpl, keyId: alicekey01}
          - {usagePlanId: silvrp, keyId: bobkey0001}
        lambda:
          functions:
            - {functionName: hello, handler: metricsfixture.Hello, codeUri: CODE, isolation: in-process}
            - {functionName: boom, handler: metricsfixture.Boom, codeUri: CODE, isolation: in-process}
            - {functionName: authorizer, handler: metricsfixture.Authorizer, codeUri: CODE, isolation: in-process}
        metrics: {bearerToken: TOKEN}
        """.replace("ALICE", ALICE).replace("BOB", BOB).replace("CODE", functions().toString())
        .replace("TOKEN", MetricsTest.TOKEN));
    return EmbeddedGateway.start(ConfigLoader.standard(ExtendedMetricsTest.class.getClassLoader()).load(config),
        dir.resolve("data"), CLOCK, ExtendedMetricsTest.class.getClassLoader());
  }

  /** Thirteen requests, each refused or answered as the comment says. */
  static void exercise(EmbeddedGateway gateway) throws Exception {
    // Alice's plan admits one request and throttles the next; Bob's quota is one request a day.
    expect(gateway, 200, "/keyed", "x-api-key", ALICE);
    expect(gateway, 429, "/keyed", "x-api-key", ALICE);
    expect(gateway, 200, "/keyed", "x-api-key", BOB);
    expect(gateway, 429, "/keyed", "x-api-key", BOB);
    expect(gateway, 403, "/keyed");
    // The method throttle admits one request, with no key.
    expect(gateway, 200, "/limited");
    expect(gateway, 429, "/limited");
    // The authorizer runs for ada, answers ada's second request from its cache, and runs for grace.
    expect(gateway, 200, "/members", "Authorization", "ada");
    expect(gateway, 200, "/members", "Authorization", "ada");
    expect(gateway, 200, "/members", "Authorization", "grace");
    // A function answering twice (a cold start, then warm) and one failing.
    expect(gateway, 200, "/hello");
    expect(gateway, 200, "/hello");
    expect(gateway, 502, "/boom");
  }

  private static void expect(EmbeddedGateway gateway, int status, String path, String... headers) throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest("clubapi001", "prod", path), headers);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  /** Scrapes until {@code ready} holds, for up to five seconds. */
  static Scrape scrapeUntil(EmbeddedGateway gateway, Predicate<Scrape> ready) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      HttpResponse<String> response = MetricsTest.scrape(gateway, "Authorization", "Bearer " + MetricsTest.TOKEN);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Scrape parsed = Scrape.parse(response.body());
      if (ready.test(parsed) || System.nanoTime() > deadline) {
        return parsed;
      }
      Thread.sleep(20);
    }
  }

  /** The sum of every series of the metric {@code name}. */
  private static double sum(Scrape scrape, String name) {
    return scrape.series().entrySet().stream().filter(e -> e.getKey().startsWith(name + "{"))
        .mapToDouble(e -> e.getValue()).sum();
  }

  @Test
  void throttledRequestsPerUsagePlanKeyAndLimit() {
    assertThat(scrape.value("apigateway_throttled_total",
        "ApiKeyId=\"alicekey01\",ApiName=\"club\",Limit=\"UsagePlan\",Stage=\"prod\",UsagePlanId=\"goldpl\""))
        .isEqualTo(1.0);
    assertThat(scrape.value("apigateway_throttled_total",
        "ApiKeyId=\"-\",ApiName=\"club\",Limit=\"Method\",Stage=\"prod\",UsagePlanId=\"-\"")).isEqualTo(1.0);
    assertThat(sum(scrape, "apigateway_throttled_total")).as("nothing else was throttled").isEqualTo(2.0);
  }

  @Test
  void quotaRefusalsPerUsagePlanAndKey() {
    assertThat(scrape.value("apigateway_quotaexceeded_total",
        "ApiKeyId=\"bobkey0001\",ApiName=\"club\",Stage=\"prod\",UsagePlanId=\"silvrp\"")).isEqualTo(1.0);
    assertThat(sum(scrape, "apigateway_quotaexceeded_total")).isEqualTo(1.0);
  }

  @Test
  void refusalsStillCountAsAwsMetrics() {
    assertThat(sum(scrape, "apigateway_count_total")).isEqualTo(13.0);
    assertThat(scrape.value("apigateway_4xxerror_total", STAGE)).as("three 429s and a missing key").isEqualTo(4.0);
  }

  @Test
  void authorizerInvocationsAndCacheHits() {
    String labels = "ApiName=\"club\",Authorizer=\"token\",Stage=\"prod\"";
    assertThat(scrape.value("apigateway_authorizer_invocations_total", labels)).isEqualTo(2.0);
    assertThat(scrape.value("apigateway_authorizer_cachehits_total", labels)).isEqualTo(1.0);
  }

  @Test
  void localFunctionInvocationsByOutcome() {
    assertThat(scrape.value("lambda_invocations_total",
        "FunctionName=\"hello\",Outcome=\"Success\",Version=\"$LATEST\"")).isEqualTo(2.0);
    assertThat(scrape.value("lambda_invocations_total",
        "FunctionName=\"hello\",Outcome=\"Error\",Version=\"$LATEST\"")).isEqualTo(0.0);
    assertThat(scrape.value("lambda_invocations_total",
        "FunctionName=\"boom\",Outcome=\"Error\",Version=\"$LATEST\"")).isEqualTo(1.0);
    assertThat(scrape.value("lambda_invocations_total",
        "FunctionName=\"authorizer\",Outcome=\"Success\",Version=\"$LATEST\"")).as("the authorizer's function")
        .isEqualTo(2.0);
    assertThat(scrape.value("lambda_throttles_total", "FunctionName=\"hello\",Version=\"$LATEST\""))
        .isEqualTo(0.0);
  }

  @Test
  void localFunctionDurationsAndColdStarts() {
    String hello = "FunctionName=\"hello\",Version=\"$LATEST\"";
    assertThat(scrape.value("lambda_duration_milliseconds_count", hello)).isEqualTo(2.0);
    assertThat(scrape.value("lambda_duration_milliseconds_bucket", hello + ",le=\"+Inf\"")).isEqualTo(2.0);
    assertThat(scrape.value("lambda_coldstarts_total", hello)).as("one environment, started once").isEqualTo(1.0);
    assertThat(scrape.value("lambda_initduration_milliseconds_count", hello)).isEqualTo(1.0);
    assertThat(scrape.value("lambda_coldstarts_total", "FunctionName=\"boom\",Version=\"$LATEST\""))
        .isEqualTo(1.0);
  }

  @Test
  void outboundHttpClientPools() throws Exception {
    // The backend is the one destination; every response has been read, so no connection stays active.
    Scrape settled = scrapeUntil(gateway,
        s -> Double.valueOf(0).equals(s.value("apigateway_httpclient_connections", "state=\"active\"")));
    assertThat(settled.value("apigateway_httpclient_connections", "state=\"active\"")).isEqualTo(0.0);
    assertThat(settled.value("apigateway_httpclient_connections", "state=\"idle\"")).isGreaterThanOrEqualTo(1.0);
    assertThat(settled.value("apigateway_httpclient_connections", "state=\"pending\"")).isEqualTo(0.0);
    assertThat(settled.value("apigateway_httpclient_connections", "state=\"max\"")).isEqualTo(1024.0);
    assertThat(settled.series()).containsEntry("apigateway_httpclient_destinations", 1.0)
        .containsEntry("apigateway_httpclient_queued_requests", 0.0);
  }

  /** The fixture functions, compiled once into a deployment package directory. */
  private static synchronized Path functions() throws Exception {
    Path classes = Path.of("target", "metrics-fixture-functions").toAbsolutePath();
    if (Files.isDirectory(classes.resolve("metricsfixture"))) {
      return classes;
    }
    Files.createDirectories(classes);
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", jarOf(Context.class),
        "--release", "17", "-proc:none", "-nowarn"));
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "fixtures"))) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
      throw new IllegalStateException("the fixture functions do not compile");
    }
    return classes;
  }

  private static String jarOf(Class<?> type) throws URISyntaxException {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
  }
}
