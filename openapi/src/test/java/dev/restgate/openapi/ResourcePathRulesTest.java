package dev.restgate.openapi;

import static dev.restgate.openapi.Imports.importText;
import static dev.restgate.openapi.Imports.options;
import static dev.restgate.openapi.Imports.paths;
import static dev.restgate.openapi.Imports.refusal;
import static dev.restgate.openapi.Imports.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ApiImporter;
import dev.restgate.spi.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control-plane rules of API Gateway resource paths, applied to a document's paths. */
class ResourcePathRulesTest {

  private static String withPaths(String... paths) {
    StringBuilder document = new StringBuilder("swagger: \"2.0\"\ninfo: {title: Paths, version: \"1\"}\npaths:\n");
    for (String path : paths) {
      document.append("  \"").append(path).append("\":\n    get:\n      responses: {\"200\": {description: ok}}\n")
          .append("      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: "
              + "\"200\"}}}\n");
    }
    return document.toString();
  }

  private static Problem onlyProblem(String... paths) {
    List<Problem> problems = refusal(withPaths(paths));
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void intermediateResourcesAreCreatedAndLinkedToTheirParents() throws Exception {
    RestApi api = importText(withPaths("/a/b/{c}")).api();

    assertThat(paths(api)).containsExactly("/", "/a", "/a/b", "/a/b/{c}");
    assertThat(resource(api, "/a/b/{c}").parentId()).isEqualTo(resource(api, "/a/b").id());
    assertThat(resource(api, "/a/b").parentId()).isEqualTo(resource(api, "/a").id());
    assertThat(resource(api, "/a").parentId()).isEqualTo(resource(api, "/").id());
    assertThat(resource(api, "/a/b").resourceMethods()).isEmpty();
    assertThat(resource(api, "/a/b/{c}").pathPart()).isEqualTo("{c}");
  }

  @Test
  void resourceIdsAreTenLowerCaseAlphanumericsThatSurviveAReimport() throws Exception {
    List<String> first = importText(withPaths("/a/b", "/c")).api().resources().stream().map(Resource::id).toList();
    List<String> second = importText(withPaths("/c", "/a/b")).api().resources().stream().map(Resource::id).toList();

    assertThat(first).allMatch(id -> id.matches("[a-z0-9]{10}")).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(second);
  }

  @Test
  void resourceIdsDifferBetweenApis() throws Exception {
    byte[] document = withPaths("/a").getBytes(StandardCharsets.UTF_8);
    ApiImporter.Options other = new ApiImporter.Options("zzzzzzzzzz", "inline.yaml", null, false, "eu-west-1",
        "123456789012", "aws");

    String mine = resource(new OpenApiImporter().importApi(document, options("inline.yaml")).api(), "/a").id();
    String theirs = resource(new OpenApiImporter().importApi(document, other).api(), "/a").id();

    assertThat(mine).isNotEqualTo(theirs);
  }

  @Test
  void pathParametersMustBeWholePathParts() {
    Problem problem = onlyProblem("/pets/x{id}");

    assertThat(problem.pointer()).isEqualTo("/paths/~1pets~1x{id}");
    assertThat(problem.message()).startsWith("Path parameters must be whole path parts");
  }

  @Test
  void pathPartsAllowOnlyApiGatewaysCharacters() {
    assertThat(onlyProblem("/pets@home").message()).startsWith("Resource's path part only allow a-zA-Z0-9._-:,");
  }

  @Test
  void colonsAndCommasArePathPartCharacters() throws Exception {
    assertThat(paths(importText(withPaths("/items:batchGet", "/a,b")).api())).contains("/items:batchGet", "/a,b");
  }

  @Test
  void aGreedyVariableCannotHaveChildren() {
    Problem problem = onlyProblem("/{proxy+}", "/{proxy+}/more");

    assertThat(problem.pointer()).isEqualTo("/paths/~1{proxy+}~1more");
    assertThat(problem.message()).isEqualTo("Cannot create a child of a resource with a greedy path variable: "
        + "{proxy+}");
  }

  @Test
  void aGreedyVariableMustBeTheLastPart() {
    assertThat(onlyProblem("/files/{path+}/meta").message()).contains("greedy path variable: {path+}");
  }

  @Test
  void aParentHasAtMostOneVariableChild() {
    Problem problem = onlyProblem("/{id}", "/{proxy+}");

    assertThat(problem.pointer()).isEqualTo("/paths/~1{proxy+}");
    assertThat(problem.message()).isEqualTo("A sibling ({id}) of this resource already has a variable path part "
        + "-- only one is allowed");
  }

  @Test
  void aRefusedPathCreatesNoResourcesThatCouldClashWithLaterPaths() {
    Problem problem = onlyProblem("/q/{x+}/r", "/q/{y}");

    assertThat(problem.pointer()).isEqualTo("/paths/~1q~1{x+}~1r");
  }

  @Test
  void emptyPathPartsAreErrors() {
    assertThat(refusal(withPaths("/a//b", "/c//"))).extracting(Problem::pointer)
        .containsExactly("/paths/~1a~1~1b", "/paths/~1c~1~1");
  }

  @Test
  void aTrailingSlashNamesTheResourceWithoutIt() throws Exception {
    RestApi api = importText(withPaths("/api/", "/api/{proxy+}")).api();

    assertThat(paths(api)).containsExactly("/", "/api", "/api/{proxy+}");
    assertThat(resource(api, "/api").resourceMethods()).containsOnlyKeys("GET");
  }

  @Test
  void pathsMustStartWithASlash() {
    Problem problem = onlyProblem("pets");

    assertThat(problem.pointer()).isEqualTo("/paths/pets");
    assertThat(problem.message()).isEqualTo("A path must start with '/': pets");
  }

  @Test
  void greedyVariablesNeedNotBeCalledProxy() throws Exception {
    assertThat(paths(importText(withPaths("/parent/{child+}")).api())).contains("/parent/{child+}");
  }
}
