package dev.restgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MOCK} integrations through the running gateway, from an OpenAPI definition as the API Gateway console
 * exports it: the CORS preflight every console API has, status selection, response templates and overrides.
 */
class MockIntegrationTest {
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: mocks, version: "1"}
      paths:
        /pets:
          options:
            responses:
              "200":
                description: 200 response
                headers:
                  Access-Control-Allow-Origin: {schema: {type: string}}
                  Access-Control-Allow-Methods: {schema: {type: string}}
                  Access-Control-Allow-Headers: {schema: {type: string}}
                content: {}
            x-amazon-apigateway-integration:
              type: mock
              passthroughBehavior: when_no_match
              requestTemplates:
                application/json: '{"statusCode": 200}'
              responses:
                default:
                  statusCode: "200"
                  responseParameters:
                    method.response.header.Access-Control-Allow-Methods: "'GET,OPTIONS,POST'"
                    method.response.header.Access-Control-Allow-Headers: "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'"
                    method.response.header.Access-Control-Allow-Origin: "'*'"
        /status/{code}:
          get:
            parameters:
              - {name: code, in: path, required: true, schema: {type: string}}
            responses:
              "200": {description: ok}
              "404": {description: missing}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates:
                application/json: '{"statusCode": $input.params(''code'')}'
              responses:
                "4\\\\d{2}":
                  statusCode: "404"
                  responseTemplates:
                    application/json: '{"message": "no pet $input.params(''code'')"}'
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"pet": "rex", "stage": "$context.stage", "greeting": "$stageVariables.greeting"}'
                    text/plain: 'rex'
        /teapot:
          get:
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates:
                application/json: |
                  {"statusCode": 200}
                  #set($context.responseOverride.status = 418)
                  #set($context.responseOverride.header.X-Brewed = "tea")
              responses:
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"short": "and stout"}'
        /cdk:
          get:
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates:
                application/json: '{statusCode: 200}'
              responses:
                default: {statusCode: "200"}
        /broken:
          get:
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates:
                application/json: '{"status": "ok"}'
              responses:
                default: {statusCode: "200"}
        /strict:
          post:
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: mock
              passthroughBehavior: when_no_templates
              requestTemplates:
                application/json: '{"statusCode": 200}'
              responses:
                default: {statusCode: "200"}
      """;

  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    gateway = MappingGateways.start(dir, "mockapi001", OPENAPI, Map.of("greeting", "hi"),
        MockIntegrationTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static URI uri(String path) {
    return gateway.userRequest("mockapi001", "prod", path);
  }

  @Test
  void aConsoleStyleCorsPreflightAnswersWithItsAccessControlHeaders() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/pets"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-api-key")
        .build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,OPTIONS,POST");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theRenderedStatusSelectsTheIntegrationResponseByWholeStringPattern() throws Exception {
    HttpResponse<String> found = Http.send(HttpRequest.newBuilder(uri("/status/200")).build());
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).isEqualTo("{\"pet\": \"rex\", \"stage\": \"prod\", \"greeting\": \"hi\"}");
    assertThat(found.headers().firstValue("Content-Type")).hasValue("application/json");

    HttpResponse<String> missing = Http.send(HttpRequest.newBuilder(uri("/status/404")).build());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"message\": \"no pet 404\"}");

    HttpResponse<String> other = Http.send(HttpRequest.newBuilder(uri("/status/500")).build());
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void theResponseTemplateFollowsTheFirstAcceptedMediaType() throws Exception {
    HttpResponse<String> text = Http.send(HttpRequest.newBuilder(uri("/status/200"))
        .header("Accept", "text/plain, application/json").build());
    assertThat(text.body()).isEqualTo("rex");
    assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain");

    HttpResponse<String> fallback = Http.send(HttpRequest.newBuilder(uri("/status/200"))
        .header("Accept", "application/xml").build());
    assertThat(fallback.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void aResponseOverrideInTheRequestTemplateWinsOverTheIntegrationResponse() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/teapot")).build());
    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.headers().firstValue("X-Brewed")).hasValue("tea");
    assertThat(response.body()).isEqualTo("{\"short\": \"and stout\"}");
  }

  @Test
  void theRelaxedJsonCdkWritesIsAccepted() throws Exception {
    assertThat(Http.send(HttpRequest.newBuilder(uri("/cdk")).build()).statusCode()).isEqualTo(200);
  }

  @Test
  void aTemplateWithoutAStatusCodeIsAConfigurationError() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/broken")).build());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void whenNoTemplatesRefusesAContentTypeWithoutATemplate() throws Exception {
    HttpResponse<String> refused = Http.send(HttpRequest.newBuilder(uri("/strict"))
        .POST(HttpRequest.BodyPublishers.ofString("a=b")).header("Content-Type", "text/plain").build());
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");

    HttpResponse<String> json = Http.send(HttpRequest.newBuilder(uri("/strict"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json; charset=UTF-8")
        .build());
    assertThat(json.statusCode()).isEqualTo(200);
  }
}
