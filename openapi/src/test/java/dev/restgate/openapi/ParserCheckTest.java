package dev.restgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** swagger-parser's locations, mapped to JSON pointers into the document. */
class ParserCheckTest {
  private static final JsonNode DOCUMENT = document();

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree("""
          {"paths": {"/pets/{id}": {"get": {"parameters": [{"name": "id", "in": "path"},
            {"name": "limit", "in": "qry"}, {"in": "query"}], "responses": {}}}},
           "components": {"schemas": {"Pet": {"required": "id"}}}}
          """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void quotedPathsOperationsAndNamedParametersAreFollowed() {
    assertThat(ParserCheck.pointer("paths.'/pets/{id}'(get).parameters.[limit].in", DOCUMENT))
        .isEqualTo("/paths/~1pets~1{id}/get/parameters/1/in");
  }

  @Test
  void swagger2ParameterLocationsWithoutTheParametersMemberAreFollowed() {
    assertThat(ParserCheck.pointer("paths.'/pets/{id}'(get).[limit]", DOCUMENT))
        .isEqualTo("/paths/~1pets~1{id}/get/parameters/1");
  }

  @Test
  void anUnnamedParameterLeadsToItsOperation() {
    assertThat(ParserCheck.pointer("paths.'/pets/{id}'(get).parameters.[['unknown']].name", DOCUMENT))
        .isEqualTo("/paths/~1pets~1{id}/get/parameters");
  }

  @Test
  void aMissingMemberLeadsToTheObjectThatLacksIt() {
    assertThat(ParserCheck.pointer("components.schemas.Pet.type", DOCUMENT)).isEqualTo("/components/schemas/Pet");
  }

  @Test
  void aMemberReportedMissingThatIsPresentButEmptyIsNoFinding() {
    assertThat(ParserCheck.locate("attribute paths.'/pets/{id}'(get).responses is missing", DOCUMENT)).isNull();
  }

  @Test
  void typeErrorsPointAtTheValue() {
    ParserCheck.Finding finding =
        ParserCheck.locate("attribute components.schemas.Pet.required is not of type `array`", DOCUMENT);

    assertThat(finding.pointer()).isEqualTo("/components/schemas/Pet/required");
  }

  @Test
  void pathsWithoutALeadingSlashPointAtThePath() {
    assertThat(ParserCheck.locate("paths. Resource pets should start with /", DOCUMENT).pointer())
        .isEqualTo("/paths/pets");
  }

  @Test
  void messagesOfAnotherShapeAreAboutTheWholeDocument() {
    assertThat(ParserCheck.locate("something went wrong", DOCUMENT).pointer()).isEmpty();
  }
}
