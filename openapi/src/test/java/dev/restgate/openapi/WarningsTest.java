package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.failingOnWarnings;
import static dev.restgate.openapi.Imports.fixture;
import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.importText;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a REST API import ignores is a warning, unless the import fails on warnings. */
class WarningsTest {
  private static final String HTTP_API = "http-api-extensions.yaml";

  @Test
  void httpApiAndUnknownExtensionsAreWarningsWithTheirPointers() throws Exception {
    ApiImporter.Result result = importFixture(HTTP_API);

    assertThat(result.warnings()).extracting(Problem::pointer).containsExactlyInAnyOrder(
        "/x-amazon-apigateway-importexport-version",
        "/x-amazon-apigateway-cors",
        "/x-amazon-apigateway-shiny-new-thing",
        "/tags/0/x-amazon-apigateway-tag-value",
        "/components/x-amazon-apigateway-integrations",
        "/paths/~1things/get/x-amazon-apigateway-integration/payloadFormatVersion");
    assertThat(result.warnings()).extracting(Problem::message).contains(
        "x-amazon-apigateway-cors applies to HTTP APIs only; ignored by a REST API import",
        "Unknown extension x-amazon-apigateway-shiny-new-thing; ignored");
    assertThat(method(result.api(), "/things", "GET").methodIntegration().type()).isEqualTo("AWS_PROXY");
  }

  @Test
  void warningsAreListedOnTheApiToo() throws Exception {
    ApiImporter.Result result = importFixture(HTTP_API);

    assertThat(result.api().warnings()).hasSameSizeAs(result.warnings())
        .contains("/x-amazon-apigateway-cors: x-amazon-apigateway-cors applies to HTTP APIs only; ignored by a "
            + "REST API import");
  }

  @Test
  void failOnWarningsMakesTheWarningsTheProblemsOfTheRefusal() throws Exception {
    List<Problem> warnings = importFixture(HTTP_API).warnings();

    ProblemsException refused = catchThrowableOfType(ProblemsException.class,
        () -> new OpenApiImporter().importApi(fixture(HTTP_API), failingOnWarnings(HTTP_API)));

    assertThat(refused.problems()).containsExactlyElementsOf(warnings);
    assertThat(refused.getMessage()).startsWith("Import of " + HTTP_API + " refused because failOnWarnings is set: "
        + "6 warnings");
  }

  @Test
  void failOnWarningsListsErrorsAndWarningsTogether() {
    byte[] document = """
        swagger: "2.0"
        info: {title: Both, version: "1"}
        x-amazon-apigateway-cors: {}
        x-amazon-apigateway-minimum-compression-size: -1
        paths: {}
        """.getBytes(StandardCharsets.UTF_8);

    assertThat(refusal(document, failingOnWarnings("both.yaml"))).extracting(Problem::pointer)
        .containsExactly("/x-amazon-apigateway-minimum-compression-size", "/x-amazon-apigateway-cors");
  }

  @Test
  void unsupportedSchemaKeywordsAreWarnedAboutWhereTheyAre() throws Exception {
    ApiImporter.Result result = importText("""
        swagger: "2.0"
        info: {title: Schemas, version: "1"}
        paths: {}
        definitions:
          Pet:
            type: object
            discriminator: kind
            properties:
              id: {type: integer, format: int64, example: 7}
              default: {type: string}
              kind: {type: string, default: dog, readOnly: true}
        """);

    assertThat(result.warnings()).extracting(Problem::pointer).containsExactlyInAnyOrder(
        "/definitions/Pet/discriminator",
        "/definitions/Pet/properties/id/format",
        "/definitions/Pet/properties/id/example",
        "/definitions/Pet/properties/kind/default",
        "/definitions/Pet/properties/kind/readOnly");
  }

  @Test
  void modelsWithNamesThatAreNotAlphanumericAreSkipped() throws Exception {
    ApiImporter.Result result = importText("""
        swagger: "2.0"
        info: {title: Names, version: "1"}
        paths: {}
        definitions:
          Pet_Response: {type: object}
        """);

    assertThat(result.api().models()).extracting("name").containsExactly("Empty", "Error");
    assertThat(result.warnings()).extracting(Problem::pointer).containsExactly("/definitions/Pet_Response");
  }

  @Test
  void aMissingModelReferenceIsAWarningAsOnAws() throws Exception {
    ApiImporter.Result result = importText("""
        swagger: "2.0"
        info: {title: Refs, version: "1"}
        paths:
          /x:
            post:
              parameters: [{name: body, in: body, schema: {$ref: "#/definitions/Missing"}}]
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
        """);

    assertThat(method(result.api(), "/x", "POST").requestModels()).isEmpty();
    assertThat(result.warnings()).extracting(Problem::pointer)
        .containsExactly("/paths/~1x/post/parameters/0/schema/$ref");
  }

  @Test
  void anOperationWithoutAnIntegrationIsImportedWithAWarning() throws Exception {
    ApiImporter.Result result = importText("""
        swagger: "2.0"
        info: {title: Bare, version: "1"}
        paths:
          /x:
            get:
              deprecated: true
              responses: {"200": {description: ok}}
            trace:
              responses: {"200": {description: ok}}
        """);

    assertThat(method(result.api(), "/x", "GET").methodIntegration()).isNull();
    assertThat(result.warnings()).extracting(Problem::pointer)
        .containsExactlyInAnyOrder("/paths/~1x/get", "/paths/~1x/get/deprecated", "/paths/~1x/trace");
  }

  @Test
  void anExtensionInTheWrongPlaceIsIgnoredWithAWarning() throws Exception {
    ApiImporter.Result result = importText("""
        openapi: 3.0.1
        info: {title: Misplaced, version: "1"}
        x-amazon-apigateway-endpoint-configuration: {vpcEndpointIds: [vpce-1]}
        paths:
          /x:
            get:
              x-amazon-apigateway-binary-media-types: [image/png]
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
        """);

    assertThat(result.api().binaryMediaTypes()).isEmpty();
    assertThat(result.api().endpointConfiguration()).isNull();
    assertThat(result.warnings()).extracting(Problem::pointer).containsExactly(
        "/x-amazon-apigateway-endpoint-configuration", "/paths/~1x/get/x-amazon-apigateway-binary-media-types");
  }

  @Test
  void jwtAuthorizersBelongToHttpApis() throws Exception {
    ApiImporter.Result result = importText("""
        openapi: 3.0.1
        info: {title: Jwt, version: "1"}
        paths: {}
        components:
          securitySchemes:
            jwt:
              type: oauth2
              flows: {}
              x-amazon-apigateway-authorizer:
                type: jwt
                jwtConfiguration: {issuer: "https://issuer.example.com"}
                identitySource: $request.header.Authorization
        """);

    assertThat(result.api().authorizers()).isEmpty();
    assertThat(result.warnings()).extracting(Problem::pointer).contains(
        "/components/securitySchemes/jwt/x-amazon-apigateway-authorizer/type",
        "/components/securitySchemes/jwt/x-amazon-apigateway-authorizer/jwtConfiguration");
  }
}
