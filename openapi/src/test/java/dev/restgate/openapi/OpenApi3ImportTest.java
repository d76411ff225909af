package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.API_ID;
import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.method;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.model.Authorizer;
import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.RequestValidator;
import dev.restgate.model.RestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An OpenAPI 3.0 YAML document with authorizers, validators, gateway responses, binary types and a policy. */
class OpenApi3ImportTest {
  private static final String FIXTURE = "oas3-features.yaml";

  private static RestApi api() throws Exception {
    return importFixture(FIXTURE).api();
  }

  private static Authorizer authorizer(RestApi api, String name) {
    return api.authorizers().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  private static String validatorId(RestApi api, String name) {
    return api.requestValidators().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().id();
  }

  @Test
  void importsWithoutWarnings() throws Exception {
    assertThat(importFixture(FIXTURE).warnings()).isEmpty();
  }

  @Test
  void tokenAuthorizerReadsTheSchemesHeaderByDefault() throws Exception {
    Authorizer token = authorizer(api(), "token_auth");

    assertThat(token.type()).isEqualTo("TOKEN");
    assertThat(token.identitySource()).isEqualTo("method.request.header.Authorization");
    assertThat(token.authType()).isEqualTo("custom");
    assertThat(token.identityValidationExpression()).isEqualTo("^Bearer [-0-9a-zA-Z._]*$");
    assertThat(token.authorizerResultTtlInSeconds()).isEqualTo(60);
    assertThat(token.authorizerCredentials()).isEqualTo("arn:aws:iam::123456789012:role/apigAuthInvoke");
    assertThat(token.id()).matches("[a-z0-9]{10}");
  }

  @Test
  void requestAndCognitoAuthorizersKeepTheirSettings() throws Exception {
    RestApi api = api();

    Authorizer request = authorizer(api, "request_auth");
    assertThat(request.type()).isEqualTo("REQUEST");
    assertThat(request.identitySource())
        .isEqualTo("method.request.header.Auth, method.request.querystring.token, context.sourceIp");
    assertThat(request.authorizerResultTtlInSeconds()).isZero();
    Authorizer cognito = authorizer(api, "cognito");
    assertThat(cognito.type()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(cognito.providerARNs())
        .containsExactly("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_ABC123");
    assertThat(cognito.identitySource()).isEqualTo("method.request.header.Authorization");
    assertThat(api.authorizers()).extracting(Authorizer::name).containsExactly("token_auth", "request_auth",
        "cognito");
  }

  @Test
  void methodsGetTheAuthorizationTheirSecurityNames() throws Exception {
    RestApi api = api();

    Method list = method(api, "/orders", "GET");
    assertThat(list.authorizationType()).isEqualTo("CUSTOM");
    assertThat(list.authorizerId()).isEqualTo(authorizer(api, "token_auth").id());
    assertThat(list.apiKeyRequired()).isTrue();
    Method create = method(api, "/orders", "POST");
    assertThat(create.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(create.authorizerId()).isEqualTo(authorizer(api, "cognito").id());
    assertThat(create.authorizationScopes()).containsExactly("orders/write");
    assertThat(create.apiKeyRequired()).isFalse();
    assertThat(method(api, "/orders/{orderId}", "DELETE").authorizationType()).isEqualTo("AWS_IAM");
    assertThat(method(api, "/orders/{orderId}", "GET").authorizerId())
        .isEqualTo(authorizer(api, "request_auth").id());
  }

  @Test
  void authExtensionOverridesTheSecurityRequirement() throws Exception {
    Method put = method(api(), "/images/{key}", "PUT");

    assertThat(put.authorizationType()).isEqualTo("NONE");
    assertThat(put.authorizerId()).isNull();
  }

  @Test
  void defaultValidatorAppliesUnlessTheMethodNamesAnother() throws Exception {
    RestApi api = api();

    assertThat(api.requestValidators()).extracting(RequestValidator::name).containsExactly("all", "params-only");
    assertThat(method(api, "/orders", "POST").requestValidatorId()).isEqualTo(validatorId(api, "all"));
    assertThat(method(api, "/orders", "GET").requestValidatorId()).isEqualTo(validatorId(api, "params-only"));
    assertThat(method(api, "/orders/{orderId}", "DELETE").requestValidatorId())
        .isEqualTo(validatorId(api, "params-only"));
  }

  @Test
  void gatewayResponsesAreKeyedByType() throws Exception {
    Map<String, CustomGatewayResponse> responses = api().gatewayResponses();

    assertThat(responses).containsOnlyKeys("DEFAULT_4XX", "MISSING_AUTHENTICATION_TOKEN");
    CustomGatewayResponse missing = responses.get("MISSING_AUTHENTICATION_TOKEN");
    assertThat(missing.statusCode()).isEqualTo("404");
    assertThat(missing.responseParameters())
        .containsEntry("gatewayresponse.header.x-request-path", "method.request.path.orderId");
    assertThat(missing.defaultResponse()).isFalse();
    assertThat(responses.get("DEFAULT_4XX").statusCode()).isNull();
  }

  @Test
  void apiSettingsComeFromTheirExtensions() throws Exception {
    RestApi api = api();

    assertThat(api.binaryMediaTypes()).containsExactly("image/png", "*/*");
    assertThat(api.minimumCompressionSize()).isEqualTo(1024);
    assertThat(api.apiKeySource()).isEqualTo("AUTHORIZER");
    assertThat(api.endpointConfiguration().vpcEndpointIds()).containsExactly("vpce-0212a4ababd5b8c3e");
    assertThat(api.disableExecuteApiEndpoint()).isTrue();
    assertThat(api.description()).isEqualTo("Orders behind authorizers, validators and custom gateway responses");
  }

  @Test
  void policyResourcesAreExpandedToArnsOfThisApi() throws Exception {
    JsonNode policy = new ObjectMapper().readTree(api().policy());

    String arn = "arn:aws:execute-api:eu-west-1:123456789012:" + API_ID;
    assertThat(policy.path("Statement").path(0).path("Resource").path(0).asText()).isEqualTo(arn + "/*");
    assertThat(policy.path("Statement").path(1).path("Resource").asText()).isEqualTo(arn + "/*/DELETE/orders/*");
    assertThat(policy.path("Statement").path(1).path("Condition").path("NotIpAddress").path("aws:SourceIp")
        .asText()).isEqualTo("192.0.2.0/24");
  }

  @Test
  void pluginExtensionsAreKeptAsJsonAtApiAndMethodLevel() throws Exception {
    RestApi api = api();

    assertThat(api.extensions()).containsOnlyKeys("x-restgate-cors");
    assertThat(api.extensions().get("x-restgate-cors").path("allowOrigins").path(0).asText())
        .isEqualTo("https://shop.example.com");
    assertThat(method(api, "/orders", "GET").extensions().get("x-restgate-cache").path("ttlSeconds").asInt())
        .isEqualTo(30);
    assertThat(method(api, "/orders", "POST").extensions()).isEmpty();
  }

  @Test
  void referencedParametersBodiesAndResponsesAreResolved() throws Exception {
    RestApi api = api();

    Method list = method(api, "/orders", "GET");
    assertThat(list.requestParameters()).containsExactly(Map.entry("method.request.querystring.limit", true),
        Map.entry("method.request.header.X-Trace", false));
    assertThat(list.methodResponses().get("200").responseParameters())
        .containsExactly(Map.entry("method.response.header.X-Total-Count", true));
    Method create = method(api, "/orders", "POST");
    assertThat(create.requestModels()).containsExactly(Map.entry("application/json", "NewOrder"));
    assertThat(create.methodResponses().get("201").responseModels()).containsEntry("application/json", "Order");
    assertThat(create.methodResponses().get("201").responseParameters())
        .containsEntry("method.response.header.Location", false);
  }

  @Test
  void inlineObjectSchemasBecomeModelsNamedAfterTheOperation() throws Exception {
    RestApi api = api();

    assertThat(method(api, "/orders", "POST").methodResponses().get("400").responseModels())
        .containsEntry("application/json", "CreateOrderResponse400");
    assertThat(api.models()).extracting("name").contains("CreateOrderResponse400");
  }

  @Test
  void pathLevelParametersApplyToEveryOperationOfThePath() throws Exception {
    RestApi api = api();

    assertThat(method(api, "/orders/{orderId}", "GET").requestParameters())
        .containsEntry("method.request.path.orderId", true);
    assertThat(method(api, "/orders/{orderId}", "DELETE").requestParameters())
        .containsEntry("method.request.path.orderId", true);
  }

  @Test
  void integrationValuesAreNormalisedToTheirApiForm() throws Exception {
    RestApi api = api();

    Integration lambda = method(api, "/orders", "POST").methodIntegration();
    assertThat(lambda.type()).isEqualTo("AWS");
    assertThat(lambda.passthroughBehavior()).isEqualTo("NEVER");
    assertThat(lambda.credentials()).isEqualTo("arn:aws:iam::123456789012:role/apigInvoke");
    assertThat(lambda.integrationResponses()).containsOnlyKeys("default", "Invalid.*");
    Integration proxy = method(api, "/orders", "GET").methodIntegration();
    assertThat(proxy.type()).isEqualTo("HTTP_PROXY");
    assertThat(proxy.connectionType()).isEqualTo("VPC_LINK");
    assertThat(proxy.connectionId()).isEqualTo("${stageVariables.vpcLinkId}");
    assertThat(proxy.tlsConfig().insecureSkipVerification()).isTrue();
    assertThat(proxy.timeoutInMillis()).isEqualTo(29_000);
    assertThat(method(api, "/images/{key}", "PUT").methodIntegration().contentHandling())
        .isEqualTo("CONVERT_TO_BINARY");
    assertThat(method(api, "/orders/{orderId}", "GET").methodIntegration().cacheKeyParameters())
        .isEqualTo(List.of("method.request.path.orderId"));
  }
}
