package dev.restgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request validators from OpenAPI, through the running gateway, with AWS's answers. */
class RequestValidationTest {
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: validation, version: "1"}
      x-amazon-apigateway-request-validators:
        all: {validateRequestBody: true, validateRequestParameters: true}
        params-only: {validateRequestBody: false, validateRequestParameters: true}
      x-amazon-apigateway-request-validator: all
      x-amazon-apigateway-gateway-responses:
        BAD_REQUEST_BODY:
          statusCode: 400
          responseTemplates:
            application/json: '{"message": "$context.error.message", "errors": "$context.error.validationErrorString"}'
      paths:
        /pets/{id}:
          post:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: issuer, in: query, required: true, schema: {type: string}}
              - {name: X-Header-Param, in: header, required: true, schema: {type: string}}
              - {name: optional, in: query, required: false, schema: {type: string}}
            requestBody:
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Pet"}
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates:
                application/json: '{"statusCode": 200}'
              responses:
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"ok": true}'
        /lenient:
          get:
            x-amazon-apigateway-request-validator: params-only
            parameters:
              - {name: q, in: query, required: true, schema: {type: string}}
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates:
                application/json: '{"statusCode": 200}'
              responses:
                default: {statusCode: "200"}
      components:
        schemas:
          Pet:
            type: object
            required: [name, type]
            properties:
              name: {type: string}
              type: {type: string, enum: [dog, cat, fish]}
              owner: {$ref: "#/components/schemas/Owner"}
          Owner:
            type: object
            required: [id]
            properties:
              id: {type: integer}
      """;

  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    gateway = MappingGateways.start(dir, "validapi01", OPENAPI, Map.of(),
        RequestValidationTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.userRequest("validapi01", "prod", path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return Http.send(request.build());
  }

  @Test
  void missingRequiredParametersAreListedHeadersFirstThenPathThenQuery() throws Exception {
    HttpResponse<String> response = post("/pets/7?issuer=", "{\"name\":\"rex\",\"type\":\"dog\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"message\":\"Missing required request parameters: [X-Header-Param, issuer]\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
  }

  @Test
  void aBodyItsModelRefusesIsAnInvalidRequestBodyWithTheViolationsInTheContext() throws Exception {
    String[][] cases = {
        {"{\"name\":\"rex\",\"type\":\"bird\"}", "enum"},
        {"{\"name\":\"rex\"}", "type"},
        {"{\"name\":\"rex\",\"type\":\"dog\",\"owner\":{}}", "id"},
        {"not json", "Invalid JSON"},
        {"", "name"}};
    for (String[] c : cases) {
      HttpResponse<String> response = post("/pets/7?issuer=me", c[0], "X-Header-Param", "h");
      assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
      assertThat(response.body()).as(c[0]).startsWith("{\"message\": \"Invalid request body\", \"errors\": \"[")
          .contains(c[1]);
    }
  }

  @Test
  void aValidRequestReachesTheIntegration() throws Exception {
    HttpResponse<String> response = post("/pets/7?issuer=me", "{\"name\":\"rex\",\"type\":\"dog\",\"owner\":{\"id\":1}}",
        "X-Header-Param", "h");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\": true}");
  }

  @Test
  void aValidatorOfParametersOnlyLetsAnyBodyThrough() throws Exception {
    HttpResponse<String> missing = Http.send(HttpRequest.newBuilder(gateway.userRequest("validapi01", "prod",
        "/lenient")).build());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Missing required request parameters: [q]\"}");
    HttpResponse<String> ok = Http.send(HttpRequest.newBuilder(gateway.userRequest("validapi01", "prod",
        "/lenient?q=x")).build());
    assertThat(ok.statusCode()).isEqualTo(200);
  }
}
