package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.importText;
import static dev.restgate.openapi.Imports.method;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.Model;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import org.junit.jupiter.api.Test;

/** Inline body schemas become models named after their operation. */
class InlineModelsTest {
  private static final String DOCUMENT = """
      openapi: 3.0.1
      info: {title: Inline, version: "1"}
      paths:
        /pets/{petId}:
          post:
            parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
            requestBody:
              content:
                application/json:
                  schema: {type: object, properties: {name: {type: string}}}
            responses:
              "200": {$ref: "#/components/responses/Shared"}
              "202":
                description: accepted
                content:
                  text/plain:
                    schema: {type: string}
            x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
          put:
            operationId: ReplacePet
            parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
            requestBody:
              content:
                application/json:
                  schema: {type: array, items: {$ref: "#/components/schemas/ReplacePetRequest"}}
            responses:
              "200": {$ref: "#/components/responses/Shared"}
            x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "200"}}}
      components:
        responses:
          Shared:
            description: shared
            content:
              application/json:
                schema: {type: object, properties: {ok: {type: boolean}}}
        schemas:
          ReplacePetRequest: {type: object}
      """;

  @Test
  void anInlineBodyIsNamedAfterTheMethodAndPathWithoutAnOperationId() throws Exception {
    RestApi api = importText(DOCUMENT).api();

    assertThat(method(api, "/pets/{petId}", "POST").requestModels())
        .containsEntry("application/json", "PostPetsPetIdRequest");
  }

  @Test
  void aGeneratedNameThatIsTakenGetsANumber() throws Exception {
    RestApi api = importText(DOCUMENT).api();

    assertThat(method(api, "/pets/{petId}", "PUT").requestModels())
        .containsEntry("application/json", "ReplacePetRequest2");
    Model generated = api.models().stream().filter(m -> m.name().equals("ReplacePetRequest2")).findFirst()
        .orElseThrow();
    assertThat(generated.schema()).contains("\"$ref\":\"https://apigateway.amazonaws.com/restapis/"
        + Imports.API_ID + "/models/ReplacePetRequest\"");
  }

  @Test
  void aSharedResponseGivesOneModel() throws Exception {
    RestApi api = importText(DOCUMENT).api();

    String post = method(api, "/pets/{petId}", "POST").methodResponses().get("200").responseModels()
        .get("application/json");
    String put = method(api, "/pets/{petId}", "PUT").methodResponses().get("200").responseModels()
        .get("application/json");
    assertThat(post).isEqualTo("PostPetsPetIdResponse200").isEqualTo(put);
  }

  @Test
  void aPrimitiveSchemaGetsNoModelAndAWarning() throws Exception {
    ApiImporter.Result result = importText(DOCUMENT);

    assertThat(method(result.api(), "/pets/{petId}", "POST").methodResponses().get("202").responseModels())
        .isEmpty();
    assertThat(result.warnings()).extracting(Problem::pointer)
        .containsExactly("/paths/~1pets~1{petId}/post/responses/202/content/text~1plain/schema");
  }
}
