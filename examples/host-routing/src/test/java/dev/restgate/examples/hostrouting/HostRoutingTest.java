package dev.restgate.examples.hostrouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module outside the core, built on the public SPI alone, end to end: its own section of gateway.yaml, its route
 * resolver in front of the invoke URLs, and its plugin evaluating parameter expressions and method ARNs.
 */
class HostRoutingTest {
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: Pets, version: "1"}
      x-restgate-response-context:
        headers: {X-Tenant: method.request.header.X-Tenant, X-Stage: context.stage}
        methodArnHeader: X-Method-Arn
      paths:
        /pets/{id}:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http_proxy
              httpMethod: GET
              uri: "${stageVariables.backend}/pets/{id}"
      """;
  private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:petstore01/prod/GET/pets/7";

  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;

  private static GatewayConfig load(Path dir, String hostRoutes) throws Exception {
    Files.writeString(dir.resolve("openapi.yaml"), OPENAPI);
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: petstore01
            body: openapi.yaml
            stages: [{stageName: prod, variables: {backend: "%s"}}]
        """.formatted(backend.url()) + hostRoutes);
    return ConfigLoader.standard(HostRoutingTest.class.getClassLoader()).load(config);
  }

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    gateway = EmbeddedGateway.start(load(dir, """
        hostRoutes:
          - {host: pets.example.test, restApiId: petstore01, stage: prod}
          - {host: api.example.test, basePath: v1, restApiId: petstore01, stage: prod}
        """), dir.resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  @Test
  void aConfiguredHostReachesItsStageAndThePluginAddsExpressionsAndTheMethodArn() throws Exception {
    HttpResponse<String> response = Http.get(gateway.uri("/pets/7"), "Host", "Pets.Example.Test:8080",
        "X-Tenant", "acme");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets/7");
    assertThat(response.headers().firstValue("X-Tenant")).hasValue("acme");
    assertThat(response.headers().firstValue("X-Stage")).hasValue("prod");
    assertThat(response.headers().firstValue("X-Method-Arn")).hasValue(ARN);
  }

  @Test
  void aBasePathIsTakenOffThePathThatIsMatchedAndAnUnmappedOneGetsMissingAuthenticationToken() throws Exception {
    HttpResponse<String> mapped = Http.get(gateway.uri("/v1/pets/7"), "Host", "api.example.test");
    assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets/7");
    assertThat(mapped.headers().firstValue("X-Method-Arn")).hasValue(ARN);

    HttpResponse<String> unmapped = Http.get(gateway.uri("/v2/pets/7"), "Host", "api.example.test");
    assertThat(unmapped.statusCode()).isEqualTo(403);
    assertThat(unmapped.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(unmapped.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    backend.expectNoMoreRequests();
  }

  @Test
  void otherHostsKeepTheInvokeUrls() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest("petstore01", "prod", "/pets/7"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets/7");
    assertThat(response.headers().firstValue("X-Method-Arn")).hasValue(ARN);
  }

  @Test
  void theSectionReportsEveryProblemAtItsPointer(@TempDir Path dir) {
    assertThatThrownBy(() -> load(dir, """
        hostRoutes:
          - {host: "not a host", restApiId: petstore01, stage: beta}
          - {host: pets.example.test, basePath: /v1/, restApiId: petstore01, stage: prod, weight: 2}
          - {host: pets.example.test, basePath: /v1/, restApiId: petstore01, stage: prod}
        """)).isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems())
        .extracting(Problem::pointer).containsExactlyInAnyOrder("/hostRoutes/0/host", "/hostRoutes/0/stage",
            "/hostRoutes/1/basePath", "/hostRoutes/1/weight", "/hostRoutes/2/basePath", "/hostRoutes/2"));
  }
}
