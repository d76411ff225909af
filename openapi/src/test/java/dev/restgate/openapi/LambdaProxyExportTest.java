package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.API_ID;
import static dev.restgate.openapi.Imports.fixture;
import static dev.restgate.openapi.Imports.failingOnWarnings;
import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.paths;
import static dev.restgate.openapi.Imports.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An API exported from AWS in the shape of the Developer Guide's Lambda proxy export (Swagger 2.0, aws_proxy). */
class LambdaProxyExportTest {
  private static final String FIXTURE = "lambda-proxy-export.json";

  @Test
  void anAwsExportImportsWithoutWarningsEvenWhenWarningsFail() throws Exception {
    ApiImporter.Result result = new OpenApiImporter().importApi(fixture(FIXTURE), failingOnWarnings(FIXTURE));

    assertThat(result.warnings()).isEmpty();
    assertThat(result.api().warnings()).isEmpty();
  }

  @Test
  void apiFieldsComeFromInfoAndTheOptions() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    assertThat(api.id()).isEqualTo(API_ID);
    assertThat(api.name()).isEqualTo("ProxyIntegrationWithLambda");
    assertThat(api.version()).isEqualTo("2016-09-12T17:50:37Z");
  }

  @Test
  void resourcesFormATreeUnderTheRootWithTheBasePathIgnored() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    assertThat(paths(api)).containsExactly("/", "/{proxy+}", "/calc");
    Resource root = resource(api, "/");
    Resource proxy = resource(api, "/{proxy+}");
    assertThat(root.parentId()).isNull();
    assertThat(root.pathPart()).isNull();
    assertThat(proxy.parentId()).isEqualTo(root.id());
    assertThat(proxy.pathPart()).isEqualTo("{proxy+}");
  }

  @Test
  void greedyProxyResourceGetsAnAnyMethodWithALambdaProxyIntegration() throws Exception {
    Method any = method(importFixture(FIXTURE).api(), "/{proxy+}", "ANY");

    assertThat(any.httpMethod()).isEqualTo("ANY");
    assertThat(any.requestParameters()).containsExactly(Map.entry("method.request.path.proxy", true));
    Integration integration = any.methodIntegration();
    assertThat(integration.type()).isEqualTo("AWS_PROXY");
    assertThat(integration.httpMethod()).isEqualTo("POST");
    assertThat(integration.uri()).isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:us-east-1:123456789012:function:SimpleLambda4ProxyResource/invocations");
    assertThat(integration.passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
    assertThat(integration.cacheNamespace()).isEqualTo("roq9wj");
    assertThat(integration.cacheKeyParameters()).containsExactly("method.request.path.proxy");
    assertThat(integration.requestParameters())
        .containsEntry("integration.request.path.proxy", "method.request.path.proxy");
  }

  @Test
  void defaultIntegrationResponseHasAnEmptySelectionPattern() throws Exception {
    Integration integration = method(importFixture(FIXTURE).api(), "/{proxy+}", "ANY").methodIntegration();

    assertThat(integration.integrationResponses()).containsOnlyKeys("default");
    assertThat(integration.integrationResponses().get("default").selectionPattern()).isEmpty();
    assertThat(integration.integrationResponses().get("default").statusCode()).isEqualTo("200");
  }

  @Test
  void everyMethodKeepsItsIntegrationSettings() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    assertThat(method(api, "/", "GET").methodIntegration().contentHandling()).isEqualTo("CONVERT_TO_TEXT");
    Method calc = method(api, "/calc", "GET");
    assertThat(calc.methodIntegration().timeoutInMillis()).isEqualTo(10_000);
    assertThat(calc.requestParameters()).containsEntry("method.request.querystring.operand1", true)
        .containsEntry("method.request.header.InvocationType", false);
  }

  @Test
  void methodNamesItsRequestValidatorByIdAndOthersHaveNone() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    String validatorId = api.requestValidators().stream()
        .filter(v -> v.name().equals("Validate query string parameters and headers")).findFirst().orElseThrow().id();
    assertThat(method(api, "/calc", "GET").requestValidatorId()).isEqualTo(validatorId);
    assertThat(method(api, "/", "GET").requestValidatorId()).isNull();
    assertThat(api.requestValidators()).extracting("validateRequestBody").containsExactly(true, false);
  }

  @Test
  void modelsKeepTheDocumentsEmptyAndAddTheDefaultError() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    assertThat(api.models()).extracting("name").containsExactly("Empty", "Error");
    assertThat(api.models().get(0).schema())
        .isEqualTo("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
            + "\"title\":\"Empty Schema\"}");
    assertThat(method(api, "/", "GET").methodResponses().get("200").responseModels())
        .containsEntry("application/json", "Empty");
  }
}
