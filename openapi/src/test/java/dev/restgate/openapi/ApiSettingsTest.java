package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.API_ID;
import static dev.restgate.openapi.Imports.importText;
import static dev.restgate.openapi.Imports.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API-wide extensions in their Swagger 2.0 forms and their validation. */
class ApiSettingsTest {

  private static String swagger(String extensions) {
    return """
        swagger: "2.0"
        info: {title: Settings, version: "1"}
        paths: {}
        %s
        """.formatted(extensions);
  }

  @Test
  void swagger2KeepsTheEndpointConfigurationAtTheRoot() throws Exception {
    RestApi api = importText(swagger("x-amazon-apigateway-endpoint-configuration: "
        + "{vpcEndpointIds: [vpce-1, vpce-2], disableExecuteApiEndpoint: false}")).api();

    assertThat(api.endpointConfiguration().vpcEndpointIds()).containsExactly("vpce-1", "vpce-2");
    assertThat(api.disableExecuteApiEndpoint()).isFalse();
  }

  @Test
  void aPolicyMayBeGivenAsJsonText() throws Exception {
    RestApi api = importText(swagger("x-amazon-apigateway-policy: '{\"Version\": \"2012-10-17\", \"Statement\": "
        + "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"execute-api:Invoke\", "
        + "\"Resource\": \"execute-api:/prod/GET/*\"}]}'")).api();

    assertThat(api.policy()).contains("\"Resource\":\"arn:aws:execute-api:eu-west-1:123456789012:" + API_ID
        + "/prod/GET/*\"");
  }

  @Test
  void expandingAPolicyNeedsTheRegionAndAccount() {
    byte[] document = swagger("x-amazon-apigateway-policy: {Statement: [{Effect: Allow, Resource: "
        + "'execute-api:/*'}]}").getBytes(StandardCharsets.UTF_8);
    ApiImporter.Options noAccount = new ApiImporter.Options(API_ID, "p.yaml", null, false, "eu-west-1", null, null);

    assertThat(refusal(document, noAccount)).extracting(Problem::pointer)
        .containsExactly("/x-amazon-apigateway-policy");
  }

  @Test
  void aPolicyWithoutStatementsIsRefused() {
    assertThat(refusal(swagger("x-amazon-apigateway-policy: {Version: '2012-10-17'}")))
        .extracting(Problem::message)
        .containsExactly("A policy must be an IAM policy document: an object with a Statement");
  }

  @Test
  void settingsOfTheWrongShapeAreErrorsAtTheirValues() {
    List<Problem> problems = refusal(swagger("""
        x-amazon-apigateway-binary-media-types: [image/png, png]
        x-amazon-apigateway-gateway-responses:
          THROTTLED:
            statusCode: "42"
            responseParameters: {header.Retry-After: "'1'"}
        x-amazon-apigateway-documentation:
          documentationParts:
            - location: {type: OPERATION}
        x-amazon-apigateway-request-validators:
          strict: {validateRequestBody: yes please}
        x-amazon-apigateway-request-validator: lenient
        """));

    assertThat(problems).extracting(Problem::pointer).containsExactly(
        "/x-amazon-apigateway-binary-media-types",
        "/x-amazon-apigateway-gateway-responses/THROTTLED/statusCode",
        "/x-amazon-apigateway-gateway-responses/THROTTLED/responseParameters/header.Retry-After",
        "/x-amazon-apigateway-documentation/documentationParts/0/location/type",
        "/x-amazon-apigateway-request-validators/strict/validateRequestBody",
        "/x-amazon-apigateway-request-validator");
  }
}
