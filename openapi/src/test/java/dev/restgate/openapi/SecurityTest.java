package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.importText;
import static dev.restgate.openapi.Imports.method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.restgate.model.Method;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import org.junit.jupiter.api.Test;

/** Security requirements at document and operation level. */
class SecurityTest {
  private static final String ROOT_SECURITY = "root-security.yaml";

  private static String withSecurity(String security) {
    return """
        swagger: "2.0"
        info: {title: Schemes, version: "1"}
        securityDefinitions:
          api_key: {type: apiKey, name: x-api-key, in: header}
          other_key: {type: apiKey, name: X-Other-Key, in: header}
          oauth: {type: oauth2, flow: implicit, authorizationUrl: "https://auth.example.com", scopes: {read: read}}
          token:
            type: apiKey
            name: Authorization
            in: header
            x-amazon-apigateway-authorizer:
              type: token
              authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations
        paths:
          /x:
            get:
              security: %s
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
        """.formatted(security);
  }

  @Test
  void rootSecurityAppliesToOperationsWithoutTheirOwn() throws Exception {
    RestApi api = importFixture(ROOT_SECURITY).api();

    Method inherits = method(api, "/inherits", "GET");
    assertThat(inherits.authorizationType()).isEqualTo("CUSTOM");
    assertThat(inherits.authorizerId()).isEqualTo(api.authorizers().get(0).id());
    assertThat(inherits.apiKeyRequired()).isTrue();
  }

  @Test
  void anEmptySecurityArrayMeansNoAuthorization() throws Exception {
    Method open = method(importFixture(ROOT_SECURITY).api(), "/public", "GET");

    assertThat(open.authorizationType()).isEqualTo("NONE");
    assertThat(open.authorizerId()).isNull();
    assertThat(open.apiKeyRequired()).isFalse();
  }

  @Test
  void operationSecurityReplacesTheRootsAndSigv4MeansIam() throws Exception {
    Method signed = method(importFixture(ROOT_SECURITY).api(), "/signed", "GET");

    assertThat(signed.authorizationType()).isEqualTo("AWS_IAM");
    assertThat(signed.apiKeyRequired()).isFalse();
  }

  @Test
  void onlyTheXApiKeyHeaderSchemeRequiresAnApiKey() throws Exception {
    ApiImporter.Result result = importText(withSecurity("[{other_key: []}]"));

    assertThat(method(result.api(), "/x", "GET").apiKeyRequired()).isFalse();
    assertThat(result.warnings()).extracting(Problem::pointer).contains("/securityDefinitions/other_key");
  }

  @Test
  void schemesWithoutAnApiGatewayMeaningAreWarnedAbout() throws Exception {
    ApiImporter.Result result = importText(withSecurity("[{oauth: [read]}]"));

    assertThat(method(result.api(), "/x", "GET").authorizationType()).isEqualTo("NONE");
    assertThat(result.warnings()).extracting(Problem::pointer)
        .contains("/securityDefinitions/oauth", "/paths/~1x/get/security/0/oauth");
  }

  @Test
  void scopesOnALambdaAuthorizerAreIgnoredWithAWarning() throws Exception {
    ApiImporter.Result result = importText(withSecurity("[{token: [admin]}]"));

    Method method = method(result.api(), "/x", "GET");
    assertThat(method.authorizationType()).isEqualTo("CUSTOM");
    assertThat(method.authorizationScopes()).isEmpty();
    assertThat(result.warnings()).extracting(Problem::message)
        .contains("Scopes apply to Cognito user pool authorizers only; ignored");
  }

  @Test
  void samsUndefinedNoneSchemeIsIgnoredWithAWarningAtItsName() throws Exception {
    ApiImporter.Result result = importText(withSecurity("[{NONE: []}, {api_key: []}]"));

    Method method = method(result.api(), "/x", "GET");
    assertThat(method.authorizationType()).isEqualTo("NONE");
    assertThat(method.apiKeyRequired()).isTrue();
    assertThat(result.warnings()).filteredOn(warning -> warning.pointer().startsWith("/paths"))
        .extracting(Problem::pointer, Problem::message)
        .containsExactly(tuple("/paths/~1x/get/security/0/NONE", "Security scheme 'NONE' is not defined in "
            + "securityDefinitions; the method gets no authorization from it"));
  }

  @Test
  void anyOtherUndefinedSchemeIsRefusedSoTheMethodIsNotServedOpen() {
    assertThatThrownBy(() -> importText(withSecurity("[{MyAuthorizer: []}]")))
        .isInstanceOf(ProblemsException.class)
        .hasMessageContaining("Security scheme 'MyAuthorizer' is not defined in securityDefinitions");
  }

  @Test
  void authorizerIdsAreTheSameOnEveryImport() throws Exception {
    String first = importFixture(ROOT_SECURITY).api().authorizers().get(0).id();
    String second = importFixture(ROOT_SECURITY).api().authorizers().get(0).id();

    assertThat(first).isEqualTo(second).matches("[a-z0-9]{10}");
  }
}
