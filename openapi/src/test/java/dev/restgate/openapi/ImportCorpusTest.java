package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.failingOnWarnings;
import static dev.restgate.openapi.Imports.fixture;
import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.Authorizer;
import dev.restgate.model.Integration;
import dev.restgate.model.IntegrationResponse;
import dev.restgate.model.Method;
import dev.restgate.model.Model;
import dev.restgate.model.RequestValidator;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import corpus: API definitions in the shapes AWS tools write them (console exports, SAM, Serverless,
 * Terraform, Pulumi, CDK, and what AWS tolerates), one file each under {@code import/corpus/}, described in its
 * {@code README.md}. Each imports as AWS imports it; the tests per file check what matters in its shape. The war
 * module's {@code ImportCorpusDeploymentTest} deploys the same files with every module of the gateway.
 */
class ImportCorpusTest {
  private static final String CORPUS = "corpus/";

  static Stream<String> definitions() throws Exception {
    try (Stream<Path> files = Files.list(corpusDirectory())) {
      return files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("README.md")).sorted()
          .toList().stream();
    }
  }

  private static Path corpusDirectory() throws URISyntaxException {
    return Path.of(ImportCorpusTest.class.getResource("/import/" + CORPUS).toURI());
  }

  private static ApiImporter.Result imported(String file) throws Exception {
    return importFixture(CORPUS + file);
  }

  private static List<String> warningPointers(ApiImporter.Result result) {
    return result.warnings().stream().map(Problem::pointer).toList();
  }

  private static Model model(RestApi api, String name) {
    return api.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static Authorizer authorizer(RestApi api, String name) {
    return api.authorizers().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  private static String validatorId(RestApi api, String name) {
    return api.requestValidators().stream().filter(v -> v.name().equals(name)).map(RequestValidator::id)
        .findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("definitions")
  void importsAndIsDescribedInTheReadme(String file) throws Exception {
    RestApi api = imported(file).api();

    assertThat(api.resources()).as(file).hasSizeGreaterThan(1);
    assertThat(Files.readString(corpusDirectory().resolve("README.md"))).contains("| `" + file + "` |");
  }

  @Test
  void consoleSwaggerExportOfAnS3ProxyImportsWithoutAWarning() throws Exception {
    String file = CORPUS + "console-export-swagger2.json";
    ApiImporter.Result result = new OpenApiImporter().importApi(fixture(file), failingOnWarnings(file));
    RestApi api = result.api();

    assertThat(result.warnings()).isEmpty();
    assertThat(paths(api)).containsExactly("/", "/{folder}", "/{folder}/{item}");
    assertThat(api.binaryMediaTypes()).containsExactly("image/jpeg", "image/png", "application/octet-stream");
    Method get = method(api, "/{folder}/{item}", "GET");
    assertThat(get.authorizationType()).isEqualTo("AWS_IAM");
    Integration s3 = get.methodIntegration();
    assertThat(s3.type()).isEqualTo("AWS");
    assertThat(s3.uri()).isEqualTo("arn:aws:apigateway:eu-west-1:s3:path/{bucket}/{object}");
    assertThat(s3.credentials()).isEqualTo("arn:aws:iam::123456789012:role/PhotoArchiveS3Access");
    assertThat(s3.requestParameters()).containsEntry("integration.request.path.bucket", "method.request.path.folder");
    assertThat(s3.integrationResponses().values()).extracting(IntegrationResponse::selectionPattern)
        .containsExactly("4\\d{2}", "", "5\\d{2}");
    assertThat(s3.integrationResponses().get("default").contentHandling()).isEqualTo("CONVERT_TO_BINARY");
    assertThat(method(api, "/{folder}/{item}", "PUT").methodIntegration().contentHandling())
        .isEqualTo("CONVERT_TO_BINARY");
    Method preflight = method(api, "/{folder}/{item}", "OPTIONS");
    assertThat(preflight.authorizationType()).isEqualTo("NONE");
    assertThat(preflight.methodIntegration().type()).isEqualTo("MOCK");
  }

  @Test
  void consoleOpenApi3ExportKeepsValidatorsScopesAndHttpMappings() throws Exception {
    ApiImporter.Result result = imported("console-export-oas3.yaml");
    RestApi api = result.api();

    assertThat(result.warnings()).isEmpty();
    assertThat(paths(api)).containsExactly("/", "/bookings", "/bookings/{bookingId}", "/health");
    Method list = method(api, "/bookings", "GET");
    assertThat(list.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(list.authorizationScopes()).containsExactly("bookings/read");
    assertThat(list.requestValidatorId())
        .isEqualTo(validatorId(api, "Validate query string parameters and headers"));
    assertThat(list.methodIntegration().contentHandling()).isEqualTo("CONVERT_TO_TEXT");
    Method create = method(api, "/bookings", "POST");
    assertThat(create.requestModels()).containsExactly(Map.entry("application/json", "NewBooking"));
    assertThat(create.requestValidatorId()).isEqualTo(validatorId(api, "Validate body"));
    Integration legacy = method(api, "/bookings/{bookingId}", "GET").methodIntegration();
    assertThat(legacy.type()).isEqualTo("HTTP");
    assertThat(legacy.passthroughBehavior()).isEqualTo("WHEN_NO_TEMPLATES");
    assertThat(legacy.timeoutInMillis()).isEqualTo(8000);
    assertThat(legacy.requestParameters()).containsEntry("integration.request.header.X-Request-Id",
        "context.requestId");
    assertThat(legacy.integrationResponses().get("404").statusCode()).isEqualTo("404");
    assertThat(legacy.integrationResponses().get("default").responseTemplates().get("application/json"))
        .startsWith("#set($inputRoot = $input.path('$'))\n{\n  \"bookingId\": \"$inputRoot.reservation_no\"");
    assertThat(model(api, "BookingList").schema()).contains("\"$ref\":\"https://apigateway.amazonaws.com/restapis/"
        + Imports.API_ID + "/models/Booking\"");
    assertThat(api.gatewayResponses().get("UNAUTHORIZED").statusCode()).isEqualTo("401");
  }

  @Test
  void samImplicitApiIgnoresTheUndefinedNoneSchemeWithAWarning() throws Exception {
    ApiImporter.Result result = imported("sam-implicit-api.json");
    RestApi api = result.api();

    assertThat(api.name()).isEqualTo("sam-app");
    assertThat(paths(api)).containsExactly("/", "/hello", "/public", "/{proxy+}");
    Method hello = method(api, "/hello", "GET");
    assertThat(hello.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(hello.apiKeyRequired()).isTrue();
    assertThat(hello.methodIntegration().type()).isEqualTo("AWS_PROXY");
    assertThat(hello.methodIntegration().timeoutInMillis()).isEqualTo(12000);
    assertThat(method(api, "/hello", "POST").authorizationScopes()).containsExactly("email", "hello/write");
    Method open = method(api, "/public", "GET");
    assertThat(open.authorizationType()).isEqualTo("NONE");
    assertThat(open.apiKeyRequired()).isFalse();
    assertThat(method(api, "/{proxy+}", "ANY").authorizerId()).isEqualTo(authorizer(api, "MyCognitoAuthorizer").id());
    Method preflight = method(api, "/{proxy+}", "OPTIONS");
    assertThat(preflight.methodIntegration().requestTemplates())
        .containsExactly(Map.entry("application/json", "{\n  \"statusCode\" : 200\n}\n"));
    assertThat(preflight.methodResponses().get("200").responseParameters())
        .containsKey("method.response.header.Access-Control-Allow-Methods");
    assertThat(authorizer(api, "MyCognitoAuthorizer").identitySource())
        .isEqualTo("method.request.header.Authorization");
    assertThat(api.gatewayResponses()).containsOnlyKeys("DEFAULT_4XX", "DEFAULT_5XX");
    // swagger-parser wants the greedy variable declared; AWS does not.
    assertThat(warningPointers(result)).containsExactlyInAnyOrder("/paths/~1public/get/security/0/NONE", "");
  }

  @Test
  void samOpenApi3BodyKeepsItsAuthorizersAndPolicyAndWarnsAboutTheDoubledHeaderSchemas() throws Exception {
    ApiImporter.Result result = imported("sam-openapi3.json");
    RestApi api = result.api();

    assertThat(method(api, "/orders", "GET").authorizerId()).isEqualTo(authorizer(api, "TokenAuthorizer").id());
    Authorizer token = authorizer(api, "TokenAuthorizer");
    assertThat(token.type()).isEqualTo("TOKEN");
    assertThat(token.identitySource()).isEqualTo("method.request.header.Authorization");
    assertThat(token.identityValidationExpression()).isEqualTo("^Bearer [-0-9a-zA-Z\\._]*$");
    assertThat(authorizer(api, "TenantAuthorizer").identitySource())
        .isEqualTo("method.request.header.Authorization, method.request.header.X-Tenant, context.stage");
    Method refund = method(api, "/orders/{orderId}/refund", "POST");
    assertThat(refund.authorizationType()).isEqualTo("AWS_IAM");
    assertThat(refund.methodIntegration().credentials()).isEqualTo("arn:aws:iam::*:user/*");
    assertThat(method(api, "/orders", "OPTIONS").methodResponses().get("200").responseParameters())
        .containsOnlyKeys("method.response.header.Access-Control-Allow-Headers",
            "method.response.header.Access-Control-Allow-Methods",
            "method.response.header.Access-Control-Allow-Origin", "method.response.header.Access-Control-Max-Age");
    assertThat(api.policy()).contains("\"arn:aws:execute-api:eu-west-1:123456789012:" + Imports.API_ID
        + "/Prod/GET/orders\"").contains("\"aws:SourceIp\":[\"198.51.100.0/24\"]");
    assertThat(result.warnings()).filteredOn(warning -> warning.pointer().endsWith("/schema")).hasSize(8)
        .allSatisfy(warning -> assertThat(warning.message()).endsWith("schema is unexpected"));
    assertThat(warningPointers(result)).hasSize(9).contains("");
  }

  @Test
  void serverlessExportKeepsTheLambdaIntegrationTemplatesPatternsAndRelaxedMockTemplate() throws Exception {
    ApiImporter.Result result = imported("serverless-export-oas3.json");
    RestApi api = result.api();

    assertThat(result.warnings()).isEmpty();
    assertThat(method(api, "/todos", "GET").apiKeyRequired()).isTrue();
    Method create = method(api, "/todos", "POST");
    assertThat(create.authorizationType()).isEqualTo("CUSTOM");
    assertThat(authorizer(api, "authorizerFunc").authorizerResultTtlInSeconds()).isEqualTo(300);
    Integration lambda = method(api, "/todos/{id}", "PUT").methodIntegration();
    assertThat(lambda.type()).isEqualTo("AWS");
    assertThat(lambda.passthroughBehavior()).isEqualTo("NEVER");
    assertThat(lambda.requestTemplates()).containsOnlyKeys("application/json", "application/x-www-form-urlencoded");
    assertThat(lambda.requestTemplates().get("application/json")).contains("#define( $loop )");
    assertThat(lambda.integrationResponses().values()).extracting(IntegrationResponse::statusCode)
        .containsExactly("200", "400", "401", "403", "404", "422", "500", "502", "504");
    assertThat(lambda.integrationResponses().get("default").selectionPattern()).isEmpty();
    assertThat(method(api, "/todos/import", "POST").methodIntegration().requestParameters())
        .containsExactly(Map.entry("integration.request.header.X-Amz-Invocation-Type", "'Event'"));
    Integration preflight = method(api, "/todos", "OPTIONS").methodIntegration();
    assertThat(preflight.requestTemplates()).containsExactly(Map.entry("application/json", "{statusCode:200}"));
    assertThat(preflight.contentHandling()).isEqualTo("CONVERT_TO_TEXT");
    assertThat(preflight.integrationResponses().get("default").responseTemplates())
        .containsExactly(Map.entry("application/json", ""));
  }

  @Test
  void terraformJsonencodeBodyDecodesItsEscapesAndWarnsAboutTheHttpApiField() throws Exception {
    ApiImporter.Result result = imported("terraform-jsonencode.json");
    RestApi api = result.api();

    assertThat(method(api, "/path1", "GET").methodIntegration().type()).isEqualTo("HTTP_PROXY");
    assertThat(method(api, "/items/{sku}/label", "GET").methodIntegration().uri())
        .isEqualTo("http://labels.internal.example.com/render?format=pdf&sku={sku}");
    assertThat(method(api, "/status", "GET").methodIntegration().integrationResponses().get("default")
        .responseTemplates().get("text/html")).contains("<h1>inventory</h1>", "up &amp; running");
    assertThat(api.apiKeySource()).isEqualTo("HEADER");
    assertThat(api.binaryMediaTypes()).containsExactly("application/pdf", "image/*");
    assertThat(api.endpointConfiguration().vpcEndpointIds()).containsExactly("vpce-0a1b2c3d4e5f67890");
    assertThat(api.policy()).contains("\"arn:aws:execute-api:eu-west-1:123456789012:" + Imports.API_ID + "/*\"")
        .contains("\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f67890\"");
    assertThat(warningPointers(result)).containsExactlyInAnyOrder(
        "/paths/~1path1/get/x-amazon-apigateway-integration/payloadFormatVersion",
        "/paths/~1path1/get", "/paths/~1items/get", "/paths/~1items/post", "/paths/~1items~1{sku}/get",
        "/paths/~1items~1{sku}~1label/get");
    assertThat(result.warnings()).filteredOn(warning -> warning.pointer().endsWith("/get")
        || warning.pointer().endsWith("/post")).allSatisfy(warning ->
        assertThat(warning.message()).endsWith("responses is missing"));
  }

  @Test
  void terraformTemplatefileBodyReadsVpcLinksCacheKeysAndAStringTimeout() throws Exception {
    ApiImporter.Result result = imported("terraform-templatefile.yaml");
    RestApi api = result.api();

    assertThat(result.warnings()).isEmpty();
    assertThat(api.minimumCompressionSize()).isEqualTo(1024);
    assertThat(method(api, "/orders", "POST").methodIntegration().timeoutInMillis()).isEqualTo(29000);
    Method get = method(api, "/orders/{orderId}", "GET");
    assertThat(get.requestParameters()).containsExactly(Map.entry("method.request.path.orderId", true),
        Map.entry("method.request.header.Accept-Language", false));
    Integration vpcLink = get.methodIntegration();
    assertThat(vpcLink.connectionType()).isEqualTo("VPC_LINK");
    assertThat(vpcLink.connectionId()).isEqualTo("7xk2pq");
    assertThat(vpcLink.uri()).isEqualTo("http://${stageVariables.ordersNlb}/v2/orders/{orderId}");
    assertThat(vpcLink.cacheKeyParameters()).containsExactly("method.request.path.orderId",
        "method.request.header.Accept-Language");
    assertThat(vpcLink.requestParameters()).containsEntry("integration.request.header.X-Caller-Account",
        "context.identity.accountId");
    Integration legacy = method(api, "/legacy/{proxy+}", "ANY").methodIntegration();
    assertThat(legacy.httpMethod()).isEqualTo("ANY");
    assertThat(legacy.connectionId()).isEqualTo("${stageVariables.vpcLinkId}");
    assertThat(authorizer(api, "lambda-token").authorizerCredentials())
        .isEqualTo("arn:aws:iam::123456789012:role/orders-authorizer-invoke-staging");
  }

  @Test
  void pulumiAwsxRoutesWithTrailingSlashesBecomeTheirResources() throws Exception {
    ApiImporter.Result result = imported("pulumi-awsx-swagger.json");
    RestApi api = result.api();

    assertThat(paths(api)).containsExactly("/", "/orders", "/orders/{orderId}", "/account", "/static",
        "/static/{proxy+}", "/api", "/api/{proxy+}");
    Integration integrationRoute = method(api, "/api", "ANY").methodIntegration();
    assertThat(integrationRoute.type()).isEqualTo("HTTP_PROXY");
    assertThat(integrationRoute.httpMethod()).isEqualTo("ANY");
    assertThat(method(api, "/api/{proxy+}", "ANY").methodIntegration().uri())
        .isEqualTo("https://legacy.example.com/{proxy}");
    assertThat(method(api, "/static", "GET").methodIntegration().type()).isEqualTo("AWS");
    assertThat(method(api, "/orders/{orderId}", "GET").authorizationType()).isEqualTo("AWS_IAM");
    Method order = method(api, "/orders", "POST");
    assertThat(order.authorizationType()).isEqualTo("CUSTOM");
    assertThat(order.apiKeyRequired()).isTrue();
    assertThat(order.requestValidatorId()).isEqualTo(validatorId(api, "PARAMS_ONLY"));
    assertThat(method(api, "/", "GET").requestValidatorId()).isEqualTo(validatorId(api, "ALL"));
    assertThat(method(api, "/account", "GET").authorizationScopes()).containsExactly("storefront/account.read");
    assertThat(api.gatewayResponses().get("MISSING_AUTHENTICATION_TOKEN").statusCode()).isEqualTo("404");
    assertThat(api.binaryMediaTypes()).containsExactly("*/*");
    // Only what swagger-parser finds missing: awsx writes no responses, no parameter type, no path parameter.
    assertThat(warningPointers(result)).containsExactlyInAnyOrder("/paths/~1/get", "/paths/~1orders/post",
        "/paths/~1orders/post/parameters/0", "/paths/~1orders~1{orderId}/get", "/paths/~1account/get", "");
  }

  @Test
  void cdkSpecRestApiAssetResolvesAwsVariablesAndKeepsCdksRelaxedCorsTemplate() throws Exception {
    ApiImporter.Result result = imported("cdk-spec-restapi.yaml");
    RestApi api = result.api();

    assertThat(result.warnings()).isEmpty();
    assertThat(paths(api)).containsExactly("/", "/items", "/items/{sku}", "/items:batchGet");
    Integration scan = method(api, "/items", "GET").methodIntegration();
    assertThat(scan.type()).isEqualTo("AWS");
    assertThat(scan.passthroughBehavior()).isEqualTo("NEVER");
    assertThat(scan.uri()).isEqualTo("arn:aws:apigateway:eu-west-1:dynamodb:action/Scan");
    assertThat(scan.credentials()).isEqualTo("arn:aws:iam::123456789012:role/catalog-api-dynamodb");
    assertThat(method(api, "/items:batchGet", "POST").methodIntegration().requestTemplates().get("application/json"))
        .contains("arn:aws:states:eu-west-1:123456789012:stateMachine:catalog-batch-get");
    Method preflight = method(api, "/items", "OPTIONS");
    assertThat(preflight.methodIntegration().requestTemplates())
        .containsExactly(Map.entry("application/json", "{ statusCode: 200 }"));
    assertThat(preflight.methodIntegration().integrationResponses().get("default").statusCode()).isEqualTo("204");
    assertThat(preflight.methodResponses()).containsOnlyKeys("204");
    Method put = method(api, "/items", "POST");
    assertThat(put.requestModels()).containsExactly(Map.entry("application/json", "NewItem"));
    assertThat(put.requestValidatorId()).isEqualTo(validatorId(api, "body-only"));
    assertThat(put.methodResponses()).containsOnlyKeys("201", "400");
    assertThat(model(api, "Item").schema()).contains("\"allOf\":[{\"$ref\":\"https://apigateway.amazonaws.com/"
        + "restapis/" + Imports.API_ID + "/models/NewItem\"}");
    assertThat(api.gatewayResponses().get("BAD_REQUEST_BODY").statusCode()).isEqualTo("400");
  }

  @Test
  void toleratedVariantsAreReadInAnyCaseAndWhatARestApiIgnoresIsAWarning() throws Exception {
    ApiImporter.Result result = imported("tolerated-variants.yaml");
    RestApi api = result.api();

    Integration list = method(api, "/payments", "GET").methodIntegration();
    assertThat(list.type()).isEqualTo("HTTP_PROXY");
    assertThat(list.httpMethod()).isEqualTo("GET");
    assertThat(list.connectionType()).isEqualTo("INTERNET");
    assertThat(list.timeoutInMillis()).isEqualTo(15000);
    Method pay = method(api, "/payments", "POST");
    assertThat(pay.authorizationType()).isEqualTo("AWS_IAM");
    assertThat(pay.apiKeyRequired()).isTrue();
    assertThat(pay.methodIntegration().passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
    assertThat(pay.methodIntegration().credentials())
        .isEqualTo("arn:aws:iam::123456789012:role/apigw-invoke-take-payment");
    Method form = method(api, "/payments/form", "POST");
    assertThat(form.methodIntegration().type()).isEqualTo("HTTP");
    assertThat(form.methodIntegration().httpMethod()).isEqualTo("POST");
    assertThat(form.methodIntegration().integrationResponses().get("default").statusCode()).isEqualTo("303");
    assertThat(form.requestParameters()).isEmpty();
    assertThat(form.extensions()).containsKey("x-internal");
    Method one = method(api, "/payments/{paymentId}", "GET");
    assertThat(one.authorizationType()).isEqualTo("NONE");
    assertThat(one.apiKeyRequired()).isFalse();
    assertThat(one.methodResponses()).containsOnlyKeys("200");
    assertThat(one.methodIntegration().cacheNamespace()).isEqualTo("payment-by-id");
    assertThat(one.methodIntegration().cacheKeyParameters()).containsExactly("method.request.path.paymentId",
        "method.request.header.Accept-Language");
    assertThat(one.methodIntegration().contentHandling()).isEqualTo("CONVERT_TO_TEXT");
    Integration receipt = method(api, "/payments/{paymentId}/receipt", "GET").methodIntegration();
    assertThat(receipt.connectionType()).isEqualTo("VPC_LINK");
    assertThat(receipt.connectionId()).isEqualTo("${stageVariables.receiptsVpcLink}");
    assertThat(receipt.integrationResponses().get("default").statusCode()).isEqualTo("200");
    assertThat(receipt.integrationResponses().get("default").contentHandling()).isEqualTo("CONVERT_TO_BINARY");
    assertThat(api.endpointConfiguration().vpcEndpointIds()).containsExactly("vpce-0f1e2d3c4b5a69788");
    assertThat(api.disableExecuteApiEndpoint()).isFalse();
    assertThat(api.minimumCompressionSize()).isZero();
    assertThat(api.documentation().documentationParts()).hasSize(2);
    assertThat(api.extensions()).containsOnlyKeys("x-tagGroups");
    assertThat(warningPointers(result)).containsExactlyInAnyOrder(
        "/x-amazon-apigateway-importexport-version",
        "/x-amazon-apigateway-cors",
        "/tags/0/x-amazon-apigateway-tag-value",
        "/definitions/NewPayment/properties/amount/format",
        "/definitions/NewPayment/properties/amount/example",
        "/definitions/NewPayment/properties/currency/default",
        "/definitions/Payment/properties/paymentId/readOnly",
        "/definitions/Payment/properties/createdAt/format",
        "/paths/~1payments~1form/post/deprecated",
        "/paths/~1payments~1form/post/parameters/0",
        "/paths/~1payments~1form/post/parameters/1",
        "/paths/~1payments~1{paymentId}/get/responses/default");
  }

  @Test
  void operationsWithoutAnIntegrationAreImportedWithAWarningEach() throws Exception {
    ApiImporter.Result result = imported("operations-without-integration.yaml");
    RestApi api = result.api();

    assertThat(method(api, "/members/{memberId}/points", "GET").methodIntegration()).isNull();
    assertThat(method(api, "/members/{memberId}/points", "POST").methodIntegration()).isNull();
    assertThat(method(api, "/members/{memberId}", "GET").methodIntegration().type()).isEqualTo("HTTP_PROXY");
    assertThat(warningPointers(result)).containsExactly("/paths/~1members~1{memberId}~1points/get",
        "/paths/~1members~1{memberId}~1points/post");
  }
}
