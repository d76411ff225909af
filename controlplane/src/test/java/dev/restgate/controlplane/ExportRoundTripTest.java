package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetExportResponse;

/**
 * {@code GetExport} round trip: a stage exported through the AWS SDK, in each format and as JSON or YAML, imports
 * into a second gateway that then answers a set of requests (templates, validation, models, IAM, binary types,
 * a customised gateway response) exactly as the first does.
 */
class ExportRoundTripTest {
  private static final String API = """
      openapi: 3.0.1
      info: {title: shop, version: "3.2", description: round trip}
      x-amazon-apigateway-request-validators:
        all: {validateRequestBody: true, validateRequestParameters: true}
        params: {validateRequestBody: false, validateRequestParameters: true}
      x-amazon-apigateway-binary-media-types: [image/png]
      x-amazon-apigateway-gateway-responses:
        BAD_REQUEST_PARAMETERS:
          statusCode: 422
          responseTemplates: {application/json: '{"problem": "$context.error.validationErrorString"}'}
      components:
        schemas:
          Pet:
            type: object
            required: [name]
            properties:
              name: {type: string}
              owner: {$ref: "#/components/schemas/Owner"}
          Owner:
            type: object
            properties: {id: {type: integer}}
        securitySchemes:
          sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
      paths:
        /pets/{petId}:
          get:
            operationId: getPet
            x-amazon-apigateway-request-validator: params
            parameters:
              - {name: petId, in: path, required: true, schema: {type: string}}
              - {name: view, in: query, required: true, schema: {type: string}}
            responses:
              "200":
                description: ok
                headers: {X-View: {schema: {type: string}}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates: {application/json: '{"statusCode": 200}'}
              responses:
                default:
                  statusCode: "200"
                  responseParameters: {method.response.header.X-View: "'detailed'"}
                  responseTemplates:
                    application/json: '{"pet": "$input.params(''petId'')", "view": "$input.params(''view'')"}'
        /pets:
          post:
            x-amazon-apigateway-request-validator: all
            requestBody:
              required: true
              content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
            responses: {"201": {description: created}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates: {application/json: '{"statusCode": 201}'}
              responses: {default: {statusCode: "201", responseTemplates: {application/json: '{"created": true}'}}}
        /private:
          get:
            security: [{sigv4: []}]
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates: {application/json: '{"statusCode": 200}'}
              responses: {default: {statusCode: "200"}}
      """;

  private static EmbeddedGateway original;
  private static ApiGatewayClient apigateway;
  private static Path dir;
  private static final List<EmbeddedGateway> copies = new ArrayList<>();

  @BeforeAll
  static void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    Files.writeString(dir.resolve("shop.yaml"), API);
    original = start("shop.yaml", "original");
    apigateway = Operators.client(original.port(), Operators.ACCESS_KEY, Operators.SECRET);
  }

  private static EmbeddedGateway start(String body, String name) throws Exception {
    Path config = Files.writeString(dir.resolve(name + ".yaml"), """
        restApis:
          - {id: shopapi001, body: %s, stages: [{stageName: prod}]}
        identities:
        %s""".formatted(body, Operators.OPERATOR));
    return EmbeddedGateway.start(ConfigLoader.standard(ExportRoundTripTest.class.getClassLoader()).load(config),
        dir.resolve(name + "-data"), ExportRoundTripTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    apigateway.close();
    original.close();
    for (EmbeddedGateway copy : copies) {
      copy.close();
    }
  }

  private static GetExportResponse export(String type, String accepts) {
    return apigateway.getExport(r -> r.restApiId("shopapi001").stageName("prod").exportType(type).accepts(accepts)
        .parameters(Map.of("extensions", "apigateway")));
  }

  @ParameterizedTest
  @CsvSource({"oas30, application/json, json", "oas30, application/yaml, yaml", "swagger, application/json, json",
      "swagger, application/yaml, yaml"})
  void anExportImportsBackToTheSameBehaviour(String type, String accepts, String extension) throws Exception {
    GetExportResponse export = export(type, accepts);
    assertThat(export.contentDisposition()).isEqualTo("attachment; filename=\"" + type + "_3.2." + extension + "\"");
    String file = type + "-export." + extension;
    Files.write(dir.resolve(file), export.body().asByteArray());
    EmbeddedGateway copy = start(file, type + "-" + extension);
    copies.add(copy);

    for (Call call : CALLS) {
      HttpResponse<String> expected = Http.send(call.to(original));
      assertThat(expected.statusCode()).as(call + ": " + expected.body()).isEqualTo(call.status());
      HttpResponse<String> actual = Http.send(call.to(copy));
      assertThat(actual.statusCode()).as(call.toString()).isEqualTo(expected.statusCode());
      assertThat(actual.body()).as(call.toString()).isEqualTo(expected.body());
      assertThat(actual.headers().firstValue("X-View")).as(call.toString())
          .isEqualTo(expected.headers().firstValue("X-View"));
    }
  }

  /** A request both gateways answer: the path below the stage, and a JSON body for POST. */
  private record Call(String method, String path, String json, int status) {
    HttpRequest to(EmbeddedGateway gateway) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + gateway.port() + "/restapis/shopapi001/prod/_user_request_" + path));
      return json == null ? request.build() : request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }
  }

  private static final List<Call> CALLS = List.of(
      new Call("GET", "/pets/7?view=full", null, 200),
      new Call("GET", "/pets/7", null, 422),
      new Call("POST", "/pets", "{\"name\": \"Rex\", \"owner\": {\"id\": 4}}", 201),
      new Call("POST", "/pets", "{\"owner\": {\"id\": \"four\"}}", 400),
      new Call("GET", "/private", null, 403),
      new Call("GET", "/nothing", null, 403));

  @Test
  void theDocumentHasAwssExportShape() throws Exception {
    JsonNode oas = Views.JSON.readTree(export("oas30", "application/json").body().asByteArray());
    assertThat(oas.at("/servers/0/url").asText())
        .isEqualTo("https://shopapi001.execute-api.us-east-1.amazonaws.com/{basePath}");
    assertThat(oas.at("/servers/0/variables/basePath/default").asText()).isEqualTo("prod");
    assertThat(oas.at("/paths/~1pets~1{petId}/get/responses/200/description").asText()).isEqualTo("200 response");
    assertThat(oas.at("/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration/type").asText()).isEqualTo("mock");
    assertThat(oas.at("/components/schemas/Pet/properties/owner/$ref").asText())
        .isEqualTo("#/components/schemas/Owner");

    JsonNode swagger = Views.JSON.readTree(apigateway.getExport(r -> r.restApiId("shopapi001").stageName("prod")
        .exportType("swagger").accepts("application/json")).body().asByteArray());
    assertThat(swagger.at("/host").asText()).isEqualTo("shopapi001.execute-api.us-east-1.amazonaws.com");
    assertThat(swagger.at("/basePath").asText()).isEqualTo("/prod");
    assertThat(swagger.at("/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration").isMissingNode()).isTrue();
    assertThat(swagger.at("/definitions/Pet/properties/owner/$ref").asText()).isEqualTo("#/definitions/Owner");

    assertThatThrownBy(() -> apigateway.getExport(r -> r.restApiId("shopapi001").stageName("prod")
        .exportType("raml").accepts("application/json")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid export type specified: raml");
  }
}
