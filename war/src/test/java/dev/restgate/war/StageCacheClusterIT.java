package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.TestStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes share one stage cache in Redis (and one rate limiting store): an answer one node cached is
 * served by the other without calling the backend, every hit still counts against the caller's quota, and only a
 * caller whose IAM policy allows {@code execute-api:InvalidateCache} refreshes an entry with
 * {@code Cache-Control: max-age=0}. Requests are signed by curl's own SigV4, as a user's client would.
 */
class StageCacheClusterIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int QUOTA = 3;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void twoGatewaysShareOneCacheThatCountsAgainstQuotasAndObeysIam() throws Exception {
    // Fresh ids per run: Redis keeps quota counters and cache entries beyond one test run.
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path directory = Files.createDirectories(ItSettings.dataRoot().resolve("cache-cluster-" + run));
    Path config = writeConfig(directory, run);
    try (TestBackend backend = TestBackend.start(ItSettings.backendPort());
        StandaloneProcess first = node(config, directory.resolve("node1"));
        StandaloneProcess second = node(config, directory.resolve("node2"))) {
      first.awaitReady(START_TIMEOUT);
      second.awaitReady(START_TIMEOUT);
      List<URI> nodes = List.of(first.baseUri(), second.baseUri());

      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < QUOTA + 2; i++) {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
            nodes.get(i % 2).resolve("/restapis/cacheapi01/prod/_user_request_/keyed?run=" + run))
            .header("x-api-key", "cache-test-key-" + run).build(), HttpResponse.BodyHandlers.ofString());
        statuses.add(response.statusCode());
        if (response.statusCode() == 200) {
          assertThat(response.body()).contains("/keyed", "run=" + run);
        }
      }
      assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
      assertThat(backend.requests()).isEqualTo(1);

      String signed = "/restapis/cacheapi01/prod/_user_request_/signed?run=" + run;
      assertThat(curl(nodes.get(0).resolve(signed), "READER" + run, "reader-secret")).contains("HTTP/1.1 200");
      assertThat(backend.requests()).isEqualTo(2);
      String ignored = curl(nodes.get(1).resolve(signed), "READER" + run, "reader-secret", "-H",
          "Cache-Control: max-age=0");
      assertThat(ignored).contains("HTTP/1.1 200").containsIgnoringCase("warning: 199");
      assertThat(backend.requests()).isEqualTo(2);
      String refreshed = curl(nodes.get(1).resolve(signed), "ADMIN" + run, "admin-secret", "-H",
          "Cache-Control: max-age=0");
      assertThat(refreshed).contains("HTTP/1.1 200").doesNotContainIgnoringCase("warning:");
      assertThat(backend.requests()).isEqualTo(3);
      assertThat(curl(nodes.get(0).resolve(signed), "READER" + run, "reader-secret")).contains("HTTP/1.1 200");
      assertThat(backend.requests()).isEqualTo(3);
    }
  }

  /** A GET signed by curl ({@code --aws-sigv4}), headers and body as curl prints them with {@code -i}. */
  private static String curl(URI uri, String accessKey, String secret, String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-i", "--aws-sigv4",
        "aws:amz:us-east-1:execute-api", "--user", accessKey + ":" + secret));
    command.addAll(List.of(extra));
    command.add(uri.toString());
    Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor()).as(output).isZero();
    return output;
  }

  private static StandaloneProcess node(Path config, Path data) {
    return StandaloneProcess.start("--config", config.toString(), "--port", String.valueOf(FreePort.find()),
        "--data", data.toString());
  }

  private static Path writeConfig(Path directory, String run) throws IOException {
    String backend = "http://127.0.0.1:" + ItSettings.backendPort();
    String redis = TestStores.redisUri();
    Files.writeString(directory.resolve("openapi.yaml"), """
        openapi: 3.0.1
        info: {title: cached, version: "1"}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
            sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
        paths:
          /keyed:
            get:
              security: [{api_key: []}]
              parameters: [{name: run, in: query, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "%1$s/keyed"
                cacheKeyParameters: [method.request.querystring.run]
          /signed:
            get:
              security: [{sigv4: []}]
              parameters: [{name: run, in: query, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "%1$s/signed"
                cacheKeyParameters: [method.request.querystring.run]
        """.formatted(backend));
    return Files.writeString(directory.resolve("gateway.yaml"), """
        restApis:
          - id: cacheapi01
            body: openapi.yaml
            stages: [{stageName: prod, cacheClusterEnabled: true}]
        apiKeys:
          - {name: key-%1$s, value: cache-test-key-%1$s, enabled: true}
        usagePlans:
          - name: plan-%1$s
            apiStages: [{apiId: cacheapi01, stage: prod}]
            quota: {limit: %2$d, period: DAY}
        usagePlanKeys:
          - {usagePlanId: plan-%1$s, keyId: key-%1$s}
        identities:
          - accessKeyId: READER%1$s
            secretAccessKey: reader-secret
            arn: arn:aws:iam::123456789012:user/reader
            policies:
              - Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Action: execute-api:Invoke, Resource: "arn:aws:execute-api:*:*:cacheapi01/*"}
          - accessKeyId: ADMIN%1$s
            secretAccessKey: admin-secret
            arn: arn:aws:iam::123456789012:user/admin
            policies:
              - Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: [execute-api:Invoke, execute-api:InvalidateCache]
                    Resource: "arn:aws:execute-api:*:*:cacheapi01/*"
        rateLimiting: {backend: redis, redisUri: "%3$s"}
        cache: {backend: redis, redisUri: "%3$s"}
        """.formatted(run, QUOTA, redis));
  }
}
