package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.fixture;
import static dev.restgate.openapi.Imports.options;
import static dev.restgate.openapi.Imports.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restgate.model.Integration;
import dev.restgate.model.RestApi;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken documents are refused as a whole, with every error and where it is. */
class InvalidDocumentTest {
  private static final String BROKEN = "invalid-many-errors.yaml";

  private static Problem onlyProblem(String document) {
    List<Problem> problems = refusal(document);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static String operation(String integration) {
    return """
        swagger: "2.0"
        info: {title: Broken, version: "1"}
        paths:
          /x:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: %s
        """.formatted(integration);
  }

  @Test
  void everyErrorIsListedWithThePointerOfTheOffendingValue() {
    List<Problem> problems = refusal(fixture(BROKEN), options(BROKEN));

    assertThat(problems).extracting(Problem::pointer).containsExactlyInAnyOrder(
        "/x-amazon-apigateway-minimum-compression-size",
        "/x-amazon-apigateway-api-key-source",
        "/x-amazon-apigateway-gateway-responses/DEFAULT_4XX_TYPO",
        "/securityDefinitions/token_auth/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds",
        "/paths/~1pets/get/x-amazon-apigateway-integration/type",
        "/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis",
        "/paths/~1pets~1{id}/get/x-amazon-apigateway-request-validator",
        "/paths/~1pets~1{id}/get/x-amazon-apigateway-integration/timeoutInMillis",
        "/paths/~1pets~1{id}/get/x-amazon-apigateway-integration/requestParameters/integration.request.path.id",
        "/paths/~1pets~1{id}/get/x-amazon-apigateway-integration/responses/default/statusCode",
        "/paths/~1pets~1x{id}",
        "/paths/~1pets~1{petId}~1toys",
        "/paths/~1{proxy+}~1more");
    assertThat(problems).allSatisfy(problem -> assertThat(problem.source()).isEqualTo(BROKEN));
  }

  @Test
  void theRefusalSaysHowManyErrorsItFound() {
    ProblemsException refused = catchThrowableOfType(ProblemsException.class,
        () -> new OpenApiImporter().importApi(fixture(BROKEN), options(BROKEN)));

    assertThat(refused.getMessage()).startsWith("Cannot import invalid-many-errors.yaml: 13 errors");
  }

  @Test
  void bytesThatAreNotJsonGiveOneProblemAtTheDocument() {
    Problem problem = onlyProblem("{\"swagger\": \"2.0\", \"info\": ");

    assertThat(problem.pointer()).isEmpty();
    assertThat(problem.message()).startsWith("The document is not valid JSON: ").contains("line 1");
  }

  @Test
  void textThatIsNotYamlGivesOneProblemAtTheDocument() {
    Problem problem = onlyProblem("swagger: \"2.0\"\ninfo:\n  title: [unclosed\n  version: 1\n");

    assertThat(problem.pointer()).isEmpty();
    assertThat(problem.message()).startsWith("The document is not valid YAML: ").contains("line 4");
  }

  @Test
  void aPlainStringIsNotADocument() {
    assertThat(onlyProblem("just some words").message())
        .isEqualTo("The document must be a JSON or YAML object (an OpenAPI 3.0 or Swagger 2.0 document)");
  }

  @Test
  void anEmptyDocumentIsRefused() {
    List<Problem> problems = refusal(" \n".getBytes(StandardCharsets.UTF_8), options("empty.json"));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("The document is empty"));
  }

  @Test
  void anObjectThatIsNeitherSwaggerNorOpenApiIsRefused() {
    Problem problem = onlyProblem("{\"info\": {\"title\": \"x\"}}");

    assertThat(problem.pointer()).isEmpty();
    assertThat(problem.message()).startsWith("Not an OpenAPI document");
  }

  @Test
  void openApi31IsRefusedAtItsVersion() {
    Problem problem = onlyProblem("openapi: 3.1.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n");

    assertThat(problem.pointer()).isEqualTo("/openapi");
  }

  @Test
  void aMissingTitleIsAnError() {
    Problem problem = onlyProblem("swagger: \"2.0\"\ninfo: {version: \"1\"}\npaths: {}\n");

    assertThat(problem.pointer()).isEqualTo("/info");
    assertThat(problem.message()).isEqualTo("info.title is required: it is the API's name");
  }

  @Test
  void structuralTypeErrorsFoundBySwaggerParserAreLocated() {
    Problem problem = onlyProblem("""
        swagger: "2.0"
        info: {title: Types, version: "1"}
        paths: {}
        definitions:
          Pet: {type: object, required: id}
        """);

    assertThat(problem.pointer()).isEqualTo("/definitions/Pet/required");
    assertThat(problem.message()).contains("is not of type `array`");
  }

  @Test
  void fieldsAnIntegrationTypeRequiresAreReportedAtTheIntegration() {
    List<Problem> problems = refusal(operation("{type: http}"));

    assertThat(problems).extracting(Problem::pointer).containsOnly("/paths/~1x/get/x-amazon-apigateway-integration");
    assertThat(problems).extracting(Problem::message).containsExactly(
        "httpMethod is required for HTTP integrations (the method used toward the backend)",
        "uri is required for HTTP integrations");
  }

  @Test
  void integrationUrisMustFitTheirType() {
    assertThat(refusal(operation("{type: aws_proxy, httpMethod: POST, uri: 'https://lambda.example.com'}")))
        .extracting(Problem::pointer).containsExactly("/paths/~1x/get/x-amazon-apigateway-integration/uri");
    assertThat(refusal(operation("{type: http, httpMethod: GET, uri: 'backend/pets'}")))
        .extracting(Problem::pointer).containsExactly("/paths/~1x/get/x-amazon-apigateway-integration/uri");
  }

  @Test
  void aStreamedResponseNeedsAProxyIntegrationAndLambdasStreamingUri() {
    String classic = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:us-east-1:123456789012:function:f/invocations";
    String streaming = "arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/"
        + "arn:aws:lambda:us-east-1:123456789012:function:f/response-streaming-invocations";
    Problem stream = onlyProblem(operation("{type: aws_proxy, httpMethod: POST, responseTransferMode: STREAM, "
        + "uri: '" + classic + "'}"));
    assertThat(stream.pointer()).isEqualTo("/paths/~1x/get/x-amazon-apigateway-integration/responseTransferMode");
    assertThat(stream.message()).isEqualTo("Invalid ResponseTransferMode. ResponseTransferMode STREAM is only "
        + "supported for Lambda functions invoked by InvokeWithResponseStream for AWS_PROXY integrations.");
    Problem buffered = onlyProblem(operation("{type: aws_proxy, httpMethod: POST, uri: '" + streaming + "'}"));
    assertThat(buffered.pointer()).isEqualTo("/paths/~1x/get/x-amazon-apigateway-integration/uri");
    assertThat(buffered.message()).startsWith("Invalid ResponseTransferMode. ResponseTransferMode BUFFERED");
    assertThat(onlyProblem(operation("{type: mock, responseTransferMode: STREAM}")).message())
        .contains("only supported for HTTP_PROXY and AWS_PROXY");
    assertThat(onlyProblem(operation("{type: http_proxy, httpMethod: GET, uri: 'https://backend.example.com', "
        + "timeoutInMillis: 60000}")).pointer()).endsWith("/timeoutInMillis");
  }

  @Test
  void aStreamedResponseMayTakeFifteenMinutes() throws Exception {
    String streaming = "arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/"
        + "arn:aws:lambda:us-east-1:123456789012:function:f/response-streaming-invocations";
    RestApi api = Imports.importText(operation("{type: aws_proxy, httpMethod: POST, responseTransferMode: STREAM, "
        + "timeoutInMillis: 900000, uri: '" + streaming + "'}")).api();

    Integration integration = Imports.method(api, "/x", "GET").methodIntegration();
    assertThat(integration.streams()).isTrue();
    assertThat(integration.effectiveTimeoutMillis()).isEqualTo(900_000);
  }

  @Test
  void anInvalidSelectionPatternIsAnError() {
    Problem problem = onlyProblem(operation("{type: mock, responses: {'5\\d{2': {statusCode: '200'}}}"));

    assertThat(problem.pointer()).isEqualTo("/paths/~1x/get/x-amazon-apigateway-integration/responses/5\\d{2");
    assertThat(problem.message()).startsWith("The selection pattern '5\\d{2' is not a valid regular expression");
  }

  @Test
  void aMappedHeaderMustBeDeclaredOnTheMethodResponse() {
    Problem problem = onlyProblem(operation("{type: mock, responses: {default: {statusCode: '200', "
        + "responseParameters: {method.response.header.X-Id: \"'1'\"}}}}"));

    assertThat(problem.pointer()).isEqualTo("/paths/~1x/get/x-amazon-apigateway-integration/responses/default/"
        + "responseParameters/method.response.header.X-Id");
  }

  @Test
  void aBrokenReferenceIsReportedAtTheReference() {
    Problem problem = onlyProblem("""
        swagger: "2.0"
        info: {title: Refs, version: "1"}
        paths:
          /x:
            get:
              parameters:
                - $ref: "#/parameters/nope"
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
        """);

    assertThat(problem.pointer()).isEqualTo("/paths/~1x/get/parameters/0/$ref");
    assertThat(problem.message()).isEqualTo("Reference '#/parameters/nope' does not lead to anything in this "
        + "document");
  }

  @Test
  void externalReferencesAreRefused() {
    Problem problem = onlyProblem("""
        openapi: 3.0.1
        info: {title: Refs, version: "1"}
        paths:
          /x:
            get:
              responses:
                "200":
                  $ref: "common.yaml#/components/responses/Ok"
              x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
        """);

    assertThat(problem.pointer()).isEqualTo("/paths/~1x/get/responses/200/$ref");
    assertThat(problem.message()).startsWith("External reference 'common.yaml#/components/responses/Ok'");
  }

  @Test
  void identitySourcesAreCheckedPerAuthorizerType() {
    List<Problem> problems = refusal("""
        swagger: "2.0"
        info: {title: Auth, version: "1"}
        paths: {}
        securityDefinitions:
          token:
            type: apiKey
            name: Authorization
            in: header
            x-amazon-apigateway-authorizer:
              type: token
              authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations
              identitySource: method.request.header.A, method.request.header.B
          request:
            type: apiKey
            name: Unused
            in: header
            x-amazon-apigateway-authorizer:
              type: request
              authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations
              identitySource: method.request.path.id
          pool:
            type: apiKey
            name: Authorization
            in: header
            x-amazon-apigateway-authorizer:
              type: cognito_user_pools
        """);

    assertThat(problems).extracting(Problem::pointer).containsExactly(
        "/securityDefinitions/token/x-amazon-apigateway-authorizer/identitySource",
        "/securityDefinitions/request/x-amazon-apigateway-authorizer/identitySource",
        "/securityDefinitions/pool/x-amazon-apigateway-authorizer");
  }
}
