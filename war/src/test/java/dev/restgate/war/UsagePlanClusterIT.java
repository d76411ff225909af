package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.TestStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes share one rate limiting store (the machine's Redis, then its PostgreSQL); several clients
 * call both at once, and together the gateways never admit more than a usage plan allows.
 */
class UsagePlanClusterIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int BURST = 20;
  private static final double RATE = 0.01;
  private static final int QUOTA = 25;
  private static final int CLIENTS_PER_NODE = 3;
  private static final int REQUESTS_PER_CLIENT = 15;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void twoGatewaysOnOneRedisEnforceOneLimit() throws Exception {
    enforceOneLimit("redis", "  backend: redis\n  redisUri: " + TestStores.redisUri() + "\n");
  }

  @Test
  void twoGatewaysOnOnePostgresqlEnforceOneLimit() throws Exception {
    enforceOneLimit("postgresql", "  backend: postgresql\n  url: " + TestStores.postgresUrl() + "\n  username: "
        + TestStores.POSTGRES_USER + "\n");
  }

  private static void enforceOneLimit(String backend, String rateLimiting) throws Exception {
    // Fresh ids per run: the shared store keeps buckets (a day, for quotas) beyond one test run.
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path directory = Files.createDirectories(ItSettings.dataRoot().resolve("cluster-" + backend + "-" + run));
    Path config = writeConfig(directory, run, rateLimiting);
    try (TestBackend ignored = TestBackend.start(ItSettings.backendPort());
        StandaloneProcess first = node(config, directory.resolve("node1"));
        StandaloneProcess second = node(config, directory.resolve("node2"))) {
      first.awaitReady(START_TIMEOUT);
      second.awaitReady(START_TIMEOUT);
      List<URI> nodes = List.of(first.baseUri(), second.baseUri());

      long started = System.nanoTime();
      Map<Integer, AtomicInteger> throttled = drive(nodes, "/throttled", "throttle-key-" + run);
      double seconds = (System.nanoTime() - started) / 1e9;
      int refilled = (int) Math.floor(seconds * RATE);
      assertThat(throttled.get(200).get()).isBetween(BURST, BURST + refilled);
      assertThat(throttled.get(429).get()).isEqualTo(total() - throttled.get(200).get());

      Map<Integer, AtomicInteger> quota = drive(nodes, "/quota", "quota-key-0-" + run);
      assertThat(quota.get(200).get()).isEqualTo(QUOTA);
      assertThat(quota.get(429).get()).isEqualTo(total() - QUOTA);
    }
  }

  private static int total() {
    return 2 * CLIENTS_PER_NODE * REQUESTS_PER_CLIENT;
  }

  private static StandaloneProcess node(Path config, Path data) {
    return StandaloneProcess.start("--config", config.toString(), "--port", String.valueOf(FreePort.find()),
        "--data", data.toString());
  }

  /** Every client sends its requests to one node, half the clients to each; returns the count per status. */
  private static Map<Integer, AtomicInteger> drive(List<URI> nodes, String path, String key) throws Exception {
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    statuses.put(200, new AtomicInteger());
    statuses.put(429, new AtomicInteger());
    ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_NODE);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 2 * CLIENTS_PER_NODE; c++) {
        URI uri = nodes.get(c % 2).resolve("/restapis/clusterapi/prod/_user_request_" + path);
        running.add(clients.submit(() -> {
          for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).header("x-api-key", key)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(statuses.keySet()).containsOnly(200, 429);
    return statuses;
  }

  private static Path writeConfig(Path directory, String run, String rateLimiting) throws IOException {
    String backend = "http://127.0.0.1:" + ItSettings.backendPort();
    Files.writeString(directory.resolve("openapi.yaml"), """
        openapi: 3.0.1
        info: {title: cluster, version: "1"}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
        paths:
          /throttled:
            get:
              security: [{api_key: []}]
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "%1$s/throttled"}
          /quota:
            get:
              security: [{api_key: []}]
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "%1$s/quota"}
        """.formatted(backend));
    return Files.writeString(directory.resolve("gateway.yaml"), """
        restApis:
          - id: clusterapi
            body: openapi.yaml
            stages: [{stageName: prod}]
        apiKeys:
          - {name: throttle-%1$s, value: throttle-key-%1$s, enabled: true}
          - {name: quota-%1$s, value: quota-key-0-%1$s, enabled: true}
        usagePlans:
          - name: throttle-%1$s
            apiStages: [{apiId: clusterapi, stage: prod}]
            throttle: {burstLimit: %2$d, rateLimit: %3$s}
          - name: quota-%1$s
            apiStages: [{apiId: clusterapi, stage: prod}]
            throttle: {burstLimit: 1000, rateLimit: 1000}
            quota: {limit: %4$d, period: DAY}
        usagePlanKeys:
          - {usagePlanId: throttle-%1$s, keyId: throttle-%1$s}
          - {usagePlanId: quota-%1$s, keyId: quota-%1$s}
        rateLimiting:
        %5$s""".formatted(run, BURST, RATE, QUOTA, rateLimiting));
  }
}
