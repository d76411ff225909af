package dev.restgate.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom domain names through the running gateway: base path mappings and routing rules pick the API stage by
 * {@code Host}, path and headers, and the backend sees what AWS passes on ({@code context.path}, the stage, the
 * domain).
 */
class CustomDomainsTest {
  private static final String API = """
      openapi: 3.0.1
      info: {title: %s, version: "1"}
      paths:
        /{proxy+}:
          x-amazon-apigateway-any-method:
            parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
            x-amazon-apigateway-integration:
              type: http_proxy
              httpMethod: ANY
              uri: "${stageVariables.backend}/%s/{proxy}"
              requestParameters:
                integration.request.path.proxy: method.request.path.proxy
                integration.request.header.X-Stage: context.stage
                integration.request.header.X-Context-Path: context.path
                integration.request.header.X-Domain: context.domainName
                integration.request.header.X-Domain-Prefix: context.domainPrefix
      """;

  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("orders.yaml"), API.formatted("orders", "orders"));
    Files.writeString(dir.resolve("pets.yaml"), API.formatted("pets", "pets"));
    String variables = "{backend: \"" + backend.url() + "\"}";
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: ordersapi1
            body: orders.yaml
            stages: [{stageName: prod, variables: %1$s}, {stageName: beta, variables: %1$s}]
          - id: petsapi001
            body: pets.yaml
            stages: [{stageName: prod, variables: %1$s}]
        domainNames:
          - domainName: api.example.com
            basePathMappings:
              - {basePath: orders, restApiId: ordersapi1, stage: prod}
              - {basePath: orders/v2/items, restApiId: ordersapi1, stage: beta}
              - {basePath: any, restApiId: ordersapi1}
              - {restApiId: petsapi001, stage: prod}
          - domainName: "*.example.com"
            basePathMappings:
              - {restApiId: ordersapi1, stage: beta}
          - domainName: shop.example.org
            routingMode: ROUTING_RULE_THEN_API_MAPPING
            routingRules:
              - priority: 10
                conditions: [{matchHeaders: {anyOf: [{header: X-Version, valueGlob: "beta*"}]}}]
                actions: [{invokeApi: {apiId: ordersapi1, stage: beta}}]
              - priority: 50
                conditions:
                  - {matchBasePaths: {anyOf: [pets]}}
                  - {matchHeaders: {anyOf: [{header: Cookie, valueGlob: "*ux=new*"}]}}
                actions: [{invokeApi: {apiId: petsapi001, stage: prod, stripBasePath: true}}]
            basePathMappings:
              - {basePath: pets, restApiId: ordersapi1, stage: prod}
        """.formatted(variables));
    gateway = EmbeddedGateway.start(ConfigLoader.standard(CustomDomainsTest.class.getClassLoader()).load(config),
        dir.resolve("data"), CustomDomainsTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> call(String host, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).header("Host", host);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return Http.send(request.build());
  }

  /** The backend's view of the last request: stage, forwarded path, context path, domain and its prefix. */
  private static String seen() throws Exception {
    RecordingBackend.Received received = backend.next();
    return received.header("X-Stage") + " " + received.rawPath() + " " + received.header("X-Context-Path") + " "
        + received.header("X-Domain") + " " + received.header("X-Domain-Prefix");
  }

  @Test
  void theLongestBasePathWinsAndTheRestIsTheResourcePath() throws Exception {
    assertThat(call("api.example.com:8443", "/orders/42").statusCode()).isEqualTo(200);
    assertThat(seen()).isEqualTo("prod /orders/42 /orders/42 api.example.com api");

    assertThat(call("API.Example.com", "/orders/v2/items/7").statusCode()).isEqualTo(200);
    assertThat(seen()).isEqualTo("beta /orders/7 /orders/v2/items/7 api.example.com api");
  }

  @Test
  void aMappingWithoutStageTakesTheStageFromThePath() throws Exception {
    assertThat(call("api.example.com", "/any/beta/x/y").statusCode()).isEqualTo(200);
    assertThat(seen()).isEqualTo("beta /orders/x/y /any/beta/x/y api.example.com api");
  }

  @Test
  void theEmptyBasePathCatchesWhatNoOtherMappingTakes() throws Exception {
    assertThat(call("api.example.com", "/ordersx/1").statusCode()).isEqualTo(200);
    assertThat(seen()).isEqualTo("prod /pets/ordersx/1 /ordersx/1 api.example.com api");
  }

  @Test
  void aWildcardNameServesOtherSubdomainsButNotTheExactOne() throws Exception {
    assertThat(call("tenant-a.example.com", "/x").statusCode()).isEqualTo(200);
    assertThat(seen()).isEqualTo("beta /orders/x /x tenant-a.example.com tenant-a");
  }

  @Test
  void routingRulesComeFirstInPriorityOrderThenTheMappings() throws Exception {
    assertThat(call("shop.example.org", "/pets/dogs", "X-Version", "beta-2", "Cookie", "ux=new").statusCode())
        .isEqualTo(200);
    assertThat(seen()).as("priority 10 wins").isEqualTo("beta /orders/pets/dogs /pets/dogs shop.example.org shop");

    assertThat(call("shop.example.org", "/pets/dogs", "Cookie", "a=1; ux=new").statusCode()).isEqualTo(200);
    assertThat(seen()).as("rule 50, base path stripped").isEqualTo("prod /pets/dogs /pets/dogs shop.example.org shop");

    assertThat(call("shop.example.org", "/pets/dogs").statusCode()).isEqualTo(200);
    assertThat(seen()).as("no rule holds: the mapping").isEqualTo("prod /orders/dogs /pets/dogs shop.example.org shop");
  }

  @Test
  void aPathNoMappingTakesIsMissingAuthenticationToken() throws Exception {
    HttpResponse<String> response = call("shop.example.org", "/admin");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(call("api.example.com", "/any").statusCode()).as("no stage after the base path").isEqualTo(403);
    backend.expectNoMoreRequests();
  }

  @Test
  void otherHostsKeepTheInvokeUrls() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
        gateway.userRequest("petsapi001", "prod", "/a")).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(seen()).startsWith("prod /pets/a /prod/a 127.0.0.1");
  }
}
