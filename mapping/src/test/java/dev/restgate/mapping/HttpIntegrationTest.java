package dev.restgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code HTTP} (non-proxy) integration through the running gateway against a real backend. */
class HttpIntegrationTest {
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: http, version: "1"}
      paths:
        /orders/{id}:
          post:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: X-Tenant, in: header, schema: {type: string}}
              - {name: verbose, in: query, schema: {type: string}}
            responses:
              "201":
                description: created
                headers:
                  X-Backend: {schema: {type: string}}
                  X-Method: {schema: {type: string}}
              "400": {description: refused}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: PUT
              uri: "${stageVariables.backend}/backend/orders/{orderId}"
              requestParameters:
                integration.request.path.orderId: method.request.path.id
                integration.request.header.X-Tenant-Id: method.request.header.X-Tenant
                integration.request.querystring.detail: method.request.querystring.verbose
              requestTemplates:
                application/json: |
                  #set($context.requestOverride.header.X-Override = "from-template")
                  {"order": "$input.params('id')", "item": $input.json('$.item'), "stage": "$context.stage"}
              responses:
                "4\\\\d{2}":
                  statusCode: "400"
                  responseTemplates:
                    application/json: '{"refused": true}'
                default:
                  statusCode: "201"
                  responseParameters:
                    method.response.header.X-Backend: integration.response.header.X-Backend
                    method.response.header.X-Method: integration.response.body.method
                  responseTemplates:
                    application/json: '{"saved": "$input.path(''$.path'')", "bytes": $input.path(''$.bytes'')}'
        /refuse:
          get:
            responses:
              "200": {description: ok}
              "400": {description: refused}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: GET
              uri: "${stageVariables.backend}/status/404"
              responses:
                "4\\\\d{2}":
                  statusCode: "400"
                  responseTemplates:
                    application/json: '{"refused": true}'
                default: {statusCode: "200"}
        /items/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: GET
              uri: "${stageVariables.backend}/backend/items/{item}"
              requestParameters:
                integration.request.path.item: method.request.path.id
              requestTemplates:
                application/json: '#set($context.requestOverride.path.item = "v2-$input.params(''id'')")'
              responses:
                default: {statusCode: "200"}
        /passthrough:
          get:
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: GET
              uri: "${stageVariables.backend}/status/503"
              responses:
                default: {statusCode: "200"}
      """;

  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    gateway = MappingGateways.start(dir, "httpapi001", OPENAPI, Map.of("backend", backend.url()),
        HttpIntegrationTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static URI uri(String path) {
    return gateway.userRequest("httpapi001", "prod", path);
  }

  @Test
  void theEndpointRequestIsBuiltFromMappingsAndTheRequestTemplate() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/orders/o-7?verbose=yes&other=no"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"item\": {\"sku\": \"A1\"}}"))
        .header("Content-Type", "application/json").header("X-Tenant", "acme").header("X-Not-Sent", "x")
        .build());

    RecordingBackend.Received received = backend.next();
    assertThat(received.method()).isEqualTo("PUT");
    assertThat(received.rawPath()).isEqualTo("/backend/orders/o-7");
    assertThat(received.rawQuery()).isEqualTo("detail=yes");
    assertThat(received.header("X-Tenant-Id")).isEqualTo("acme");
    assertThat(received.header("X-Override")).isEqualTo("from-template");
    assertThat(received.header("X-Not-Sent")).isNull();
    assertThat(received.header("User-Agent")).isEqualTo("AmazonAPIGateway_httpapi001");
    String sent = "{\"order\": \"o-7\", \"item\": {\"sku\":\"A1\"}, \"stage\": \"prod\"}\n";
    assertThat(new String(received.body())).isEqualTo(sent);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"saved\": \"/backend/orders/o-7\", \"bytes\": " + sent.length() + "}");
    assertThat(response.headers().firstValue("X-Backend")).hasValue("recording");
    assertThat(response.headers().firstValue("X-Method")).hasValue("PUT");
  }

  @Test
  void aPathOverrideOfTheRequestTemplateWinsOverThePathMapping() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/items/5")).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/backend/items/v2-5");
  }

  @Test
  void theBackendStatusSelectsTheIntegrationResponse() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/refuse")).build());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"refused\": true}");
    backend.next();
  }

  @Test
  void withOnlyADefaultResponseABackendErrorReachesTheClientAs200WithTheBackendsBody() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/passthrough")).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"method\":\"GET\",\"path\":\"/status/503\",\"bytes\":0}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    backend.next();
  }
}
