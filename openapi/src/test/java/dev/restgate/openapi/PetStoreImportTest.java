package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.API_ID;
import static dev.restgate.openapi.Imports.importFixture;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.paths;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.model.Integration;
import dev.restgate.model.IntegrationResponse;
import dev.restgate.model.Method;
import dev.restgate.model.Model;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's PetStore example: MOCK root page, HTTP integrations, integration responses selected by pattern. */
class PetStoreImportTest {
  private static final String FIXTURE = "petstore.json";

  @Test
  void rootServesTheMockPage() throws Exception {
    Method root = method(importFixture(FIXTURE).api(), "/", "GET");

    Integration mock = root.methodIntegration();
    assertThat(mock.type()).isEqualTo("MOCK");
    assertThat(mock.httpMethod()).isNull();
    assertThat(mock.requestTemplates()).containsEntry("application/json", "{\"statusCode\": 200}");
    IntegrationResponse page = mock.integrationResponses().get("default");
    assertThat(page.responseParameters()).containsEntry("method.response.header.Content-Type", "'text/html'");
    assertThat(page.responseTemplates()).containsKey("text/html");
    assertThat(root.methodResponses().get("200").responseParameters())
        .containsEntry("method.response.header.Content-Type", false);
  }

  @Test
  void intermediateResourcesAreCreatedOnce() throws Exception {
    assertThat(paths(importFixture(FIXTURE).api())).containsExactly("/", "/pets", "/pets/{petId}");
  }

  @Test
  void httpIntegrationMapsDeclaredQueryParameters() throws Exception {
    Method list = method(importFixture(FIXTURE).api(), "/pets", "GET");

    assertThat(list.requestParameters()).containsEntry("method.request.querystring.type", false)
        .containsEntry("method.request.querystring.page", false);
    Integration http = list.methodIntegration();
    assertThat(http.type()).isEqualTo("HTTP");
    assertThat(http.httpMethod()).isEqualTo("GET");
    assertThat(http.uri()).isEqualTo("http://petstore.execute-api.eu-west-1.amazonaws.com/petstore/pets");
    assertThat(http.requestParameters())
        .containsEntry("integration.request.querystring.page", "method.request.querystring.page");
  }

  @Test
  void integrationResponsesKeepDefinitionOrderWithTheirPatterns() throws Exception {
    Integration http = method(importFixture(FIXTURE).api(), "/pets/{petId}", "GET").methodIntegration();

    assertThat(http.integrationResponses()).containsOnlyKeys("4\\d{2}", "5\\d{2}", "default");
    assertThat(http.integrationResponses().values()).extracting(IntegrationResponse::selectionPattern)
        .containsExactly("4\\d{2}", "5\\d{2}", "");
    assertThat(http.integrationResponses().values()).extracting(IntegrationResponse::statusCode)
        .containsExactly("404", "500", "200");
    assertThat(http.timeoutInMillis()).isEqualTo(5000);
  }

  @Test
  void operationIdBecomesTheOperationName() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    assertThat(method(api, "/pets", "POST").operationName()).isEqualTo("CreatePet");
    assertThat(method(api, "/pets", "GET").operationName()).isNull();
  }

  @Test
  void bodyAndResponseSchemasBecomeModelsByMediaType() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    Method create = method(api, "/pets", "POST");
    assertThat(create.requestModels()).containsExactly(Map.entry("application/json", "NewPet"));
    assertThat(create.methodResponses().get("200").responseModels()).containsEntry("application/json",
        "NewPetResponse");
    assertThat(method(api, "/pets/{petId}", "GET").methodResponses()).containsOnlyKeys("200", "404", "500");
  }

  @Test
  void modelsAreDraft4SchemasReferringToOtherModelsByUrl() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    Model pets = api.models().stream().filter(m -> m.name().equals("Pets")).findFirst().orElseThrow();
    var schema = new ObjectMapper().readTree(pets.schema());
    assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-04/schema#");
    assertThat(schema.path("items").path("$ref").asText())
        .isEqualTo("https://apigateway.amazonaws.com/restapis/" + API_ID + "/models/Pet");
    assertThat(pets.contentType()).isEqualTo("application/json");
    assertThat(api.models()).extracting(Model::name)
        .containsExactly("Pets", "Empty", "Error", "NewPetResponse", "Pet", "NewPet", "PetType");
  }

  @Test
  void documentationPartsAreKeptAsWritten() throws Exception {
    RestApi api = importFixture(FIXTURE).api();

    assertThat(api.documentation().version()).isEqualTo("v2.1");
    assertThat(api.documentation().documentationParts()).hasSize(3);
    assertThat(api.documentation().documentationParts().get(2).path("location").path("name").asText())
        .isEqualTo("petId");
  }

  @Test
  void missingInfoVersionIsOnlyAWarningLocatedAtInfo() throws Exception {
    ApiImporter.Result result = importFixture(FIXTURE);

    assertThat(result.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.pointer()).isEqualTo("/info");
      assertThat(warning.message()).contains("info.version is missing");
      assertThat(warning.source()).isEqualTo(FIXTURE);
    });
    assertThat(result.api().warnings()).containsExactly("/info: attribute info.version is missing");
    assertThat(result.api().version()).isNull();
  }
}
