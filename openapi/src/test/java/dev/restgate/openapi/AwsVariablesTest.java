package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.API_ID;
import static dev.restgate.openapi.Imports.fixture;
import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.Integration;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ${AWS::Region}}, {@code ${AWS::AccountId}} and {@code ${AWS::Partition}} come from the import options. */
class AwsVariablesTest {
  private static final String FIXTURE = "aws-variables.yaml";

  @Test
  void variablesAreReplacedEverywhereInTheDocument() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    Integration integration = method(api, "/hello", "GET").methodIntegration();
    assertThat(integration.uri()).isEqualTo("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:eu-west-1:123456789012:function:Hello/invocations");
    assertThat(integration.credentials()).isEqualTo("arn:aws:iam::123456789012:role/apigInvoke");
    assertThat(api.authorizers().get(0).authorizerUri()).contains(":eu-west-1:123456789012:function:Auth/");
    assertThat(api.name()).isEqualTo("Variables in eu-west-1");
  }

  @Test
  void partitionDefaultsToAws() throws Exception {
    ApiImporter.Options options = new ApiImporter.Options(API_ID, FIXTURE, null, false, "cn-north-1",
        "123456789012", null);

    RestApi api = new OpenApiImporter().importApi(fixture(FIXTURE), options).api();

    assertThat(method(api, "/hello", "GET").methodIntegration().uri()).startsWith("arn:aws:apigateway:cn-north-1:");
  }

  @Test
  void otherPartitionsAreUsedAsGiven() throws Exception {
    ApiImporter.Options options = new ApiImporter.Options(API_ID, FIXTURE, null, false, "cn-north-1",
        "123456789012", "aws-cn");

    RestApi api = new OpenApiImporter().importApi(fixture(FIXTURE), options).api();

    assertThat(method(api, "/hello", "GET").methodIntegration().uri()).startsWith("arn:aws-cn:apigateway:");
  }

  @Test
  void aVariableWithoutAValueIsAnErrorWhereverItIsUsed() {
    ApiImporter.Options options = new ApiImporter.Options(API_ID, FIXTURE, null, false, null, "123456789012",
        "aws");

    List<Problem> problems = refusal(fixture(FIXTURE), options);

    assertThat(problems).extracting(Problem::pointer).containsExactly("/info/title",
        "/paths/~1hello/get/x-amazon-apigateway-integration/uri",
        "/components/securitySchemes/lambda_auth/x-amazon-apigateway-authorizer/authorizerUri");
    assertThat(problems.get(0).message()).startsWith("${AWS::Region} is used but the import has no value for it");
  }
}
