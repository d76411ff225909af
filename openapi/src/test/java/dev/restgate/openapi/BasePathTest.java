package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.fixture;
import static dev.restgate.openapi.Imports.method;
import static dev.restgate.openapi.Imports.options;
import static dev.restgate.openapi.Imports.paths;
import static dev.restgate.openapi.Imports.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.RestApi;
import dev.restgate.spi.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code basepath} import modes with basePath {@code /a/b/c} and path {@code /e} (the DG example). */
class BasePathTest {
  private static RestApi importWith(String fixture, String basepath) throws Exception {
    return new OpenApiImporter().importApi(fixture(fixture), options(fixture, basepath)).api();
  }

  @Test
  void ignoreIsTheDefaultAndDropsTheBasePath() throws Exception {
    assertThat(paths(importWith("basepath-swagger.yaml", null))).containsExactly("/", "/e");
    assertThat(paths(importWith("basepath-swagger.yaml", "ignore"))).containsExactly("/", "/e");
  }

  @Test
  void prependPutsTheWholeBasePathBeforeEveryPath() throws Exception {
    RestApi api = importWith("basepath-swagger.yaml", "prepend");

    assertThat(paths(api)).containsExactly("/", "/a", "/a/b", "/a/b/c", "/a/b/c/e");
    assertThat(method(api, "/a/b/c", "GET")).isNotNull();
    assertThat(api.resources().get(0).resourceMethods()).isEmpty();
  }

  @Test
  void splitDropsTheFirstSegmentMeantAsTheStage() throws Exception {
    assertThat(paths(importWith("basepath-swagger.yaml", "split"))).containsExactly("/", "/b", "/b/c", "/b/c/e");
  }

  @Test
  void modeIsMatchedIgnoringCase() throws Exception {
    assertThat(paths(importWith("basepath-swagger.yaml", "PREPEND"))).contains("/a/b/c/e");
  }

  @Test
  void openApi3TakesTheFirstServersBasePathVariable() throws Exception {
    assertThat(paths(importWith("basepath-oas3-variable.yaml", "prepend")))
        .containsExactly("/", "/stage", "/stage/v2", "/stage/v2/items");
    assertThat(paths(importWith("basepath-oas3-variable.yaml", "split"))).containsExactly("/", "/v2", "/v2/items");
  }

  @Test
  void openApi3WithoutTheVariableTakesThePathOfTheFirstServerUrl() throws Exception {
    assertThat(paths(importWith("basepath-oas3-url.yaml", "prepend")))
        .containsExactly("/", "/prod", "/prod/v1", "/prod/v1/items");
    assertThat(paths(importWith("basepath-oas3-url.yaml", "split"))).containsExactly("/", "/v1", "/v1/items");
  }

  @Test
  void unknownModeIsAnError() {
    List<Problem> problems = refusal(fixture("basepath-swagger.yaml"), options("basepath-swagger.yaml", "append"));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.pointer()).isEmpty();
      assertThat(problem.message()).isEqualTo("basepath must be ignore, prepend or split, not 'append'");
    });
  }
}
