package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigProblemsTest {
  @TempDir Path dir;
  ConfigFiles files;

  @BeforeEach
  void writeBody() {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPointer() {
    List<Problem> problems = files.problems("""
        region: Mars-1
        accountId: 12345
        restApis:
          - id: BadId
            body: missing.yaml
            basepath: sideways
            stages:
              - stageName: "pr od"
                variables: {"bad-name": ok, good: "spaces are not allowed"}
                cacheClusterSize: 2
                canarySettings: {percentTraffic: 150}
                methodSettings:
                  pets/FETCH: {}
                  "*/*": {cacheTtlInSeconds: 7200, loggingLevel: debug}
                colour: blue
        store: {type: mysql}
        extra: 1
        """);

    assertThat(problems).extracting(Problem::pointer).containsOnly(
        "/region", "/accountId",
        "/restApis/0/id", "/restApis/0/basepath", "/restApis/0/body",
        "/restApis/0/stages/0/stageName", "/restApis/0/stages/0/variables/bad-name",
        "/restApis/0/stages/0/variables/good", "/restApis/0/stages/0/cacheClusterSize",
        "/restApis/0/stages/0/canarySettings/percentTraffic", "/restApis/0/stages/0/methodSettings/pets~1FETCH",
        "/restApis/0/stages/0/methodSettings/*~1*/cacheTtlInSeconds",
        "/restApis/0/stages/0/methodSettings/*~1*/loggingLevel", "/restApis/0/stages/0/colour",
        "/store/type",
        "/extra");
    assertThat(problems).allMatch(p -> p.source().equals(dir.resolve("gateway.yaml").toString()));
  }

  @Test
  void messagesSayWhatIsWrongAndWhatToDo() {
    Map<String, String> messages = files.messages("""
        accountId: 12345
        restApis:
          - body: pets.yaml
            stages:
              - stageName: prod
                cacheClusterSize: 2
                methodSettings: {"*/*": {cacheTtlInSeconds: 7200}}
        colour: blue
        """);

    assertThat(messages.get("/accountId")).isEqualTo(
        "must be a string, not the number 12345; put it in quotes if it is meant as text: \"12345\"");
    assertThat(messages.get("/restApis/0/stages/0/cacheClusterSize")).isEqualTo(
        "\"2\" is not a cache size: use one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 (GB)");
    assertThat(messages.get("/restApis/0/stages/0/methodSettings/*~1*/cacheTtlInSeconds"))
        .isEqualTo("7200 is out of range: use a whole number from 0 to 3600");
    assertThat(messages.get("/colour"))
        .isEqualTo("unknown key \"colour\"; valid keys here are: region, accountId, restApis, store");
  }

  @Test
  void mistypedKeyGetsASuggestion() {
    assertThat(files.messages("restApis: [{body: pets.yaml, stages: [{stagename: prod}]}]\n"))
        .containsEntry("/restApis/0/stages/0/stagename", "unknown key \"stagename\" (did you mean stageName?); "
            + "valid keys here are: " + String.join(", ", StageReader.KEYS));
  }

  @Test
  void failureThrowsWithEveryProblemInTheMessage() {
    Path file = files.write("gateway.yaml", "region: nowhere\nextra: 1\n");

    assertThatThrownBy(() -> files.loader().load(file))
        .isInstanceOf(ProblemsException.class)
        .hasMessageStartingWith("The configuration " + file + " has 2 problems:")
        .hasMessageContaining(file + "#/region: \"nowhere\" is not valid")
        .hasMessageContaining(file + "#/extra: unknown key");
  }

  @Test
  void yamlSyntaxErrorNamesLineAndColumn() {
    Map<String, String> messages = files.messages("region: us-east-1\nrestApis: [\n");

    assertThat(messages.get("")).startsWith("is not valid YAML: ").containsPattern("\\(line \\d+, column \\d+\\)");
  }

  @Test
  void jsonSyntaxErrorIsReportedAsJson() {
    assertThat(files.messages("{\"region\": \"us-east-1\",}").get(""))
        .startsWith("is not valid JSON: ").contains("line 1");
  }

  @Test
  void duplicateKeysAreErrorsInYamlAndJson() {
    assertThat(files.messages("region: us-east-1\nregion: eu-west-1\n").get(""))
        .contains("Duplicate field 'region'");
    assertThat(files.messages("{\"region\": \"us-east-1\", \"region\": \"eu-west-1\"}").get(""))
        .contains("Duplicate field 'region'");
  }

  @Test
  void unreadableConfigurationFileIsOneProblem() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> files.loader().load(missing))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).startsWith("cannot be read (java.nio.file.NoSuchFileException")));
  }

  @Test
  void importerProblemsJoinTheConfigurationsOwnWithTheirSource() {
    files.write("broken.yaml", "errors: [paths./pets.get has no responses]\n");

    List<Problem> problems = files.problems("""
        restApis:
          - body: broken.yaml
            stages: [{stageName: prod}]
        region: nowhere
        """);

    assertThat(problems).containsExactlyInAnyOrder(
        new Problem(dir.resolve("broken.yaml").toString(), "/errors/0", "paths./pets.get has no responses"),
        new Problem(dir.resolve("gateway.yaml").toString(), "/region",
            "\"nowhere\" is not valid: use an AWS region name such as us-east-1 or eu-west-3"));
  }

  @Test
  void bodyWithoutImporterIsAnError() throws Exception {
    Path file = files.write("gateway.yaml", "restApis: [{body: pets.yaml, stages: [{stageName: prod}]}]\n");

    assertThatThrownBy(() -> new ConfigLoader(null, List.of(), name -> null).load(file))
        .isInstanceOfSatisfying(ProblemsException.class, e -> assertThat(e.problems())
            .extracting(Problem::pointer).containsOnly("/restApis/0/body"));
  }

  @Test
  void missingBodyFileIsReportedAtTheBody() {
    assertThat(files.messages("restApis: [{body: gone.yaml, stages: [{stageName: prod}]}]\n"))
        .containsOnly(Map.entry("/restApis/0/body", "there is no file " + dir.resolve("gone.yaml")
            + " (paths are relative to the configuration file's directory); check the path"));
  }

  @Test
  void anInvalidApiIdIsTheOnlyProblemTheBodyIsNotImportedWithoutAnId() {
    assertThat(files.messages("restApis: [{id: requestdemo, body: pets.yaml, stages: [{stageName: prod}]}]\n"))
        .containsOnlyKeys("/restApis/0/id");
    assertThat(files.importer.imports).isEmpty();
  }

  @Test
  void anApiNeedsABodyOrDeploymentsAndAStageUnlessItListsItsDeployments() {
    Map<String, String> messages = files.messages("""
        restApis:
          - stages: [{stageName: prod}]
          - body: pets.yaml
            stages: []
          - deployments: []
          - id: drafted001
            body: pets.yaml
            createdDate: yesterday
            deployments: []
        """);

    assertThat(messages).containsOnlyKeys("/restApis/0/body", "/restApis/1/stages", "/restApis/2/deployments",
        "/restApis/3/createdDate");
    assertThat(messages.get("/restApis/3/createdDate")).startsWith("\"yesterday\" is not a valid time");
  }

  @Test
  void stagesMustNameDeclaredDeployments() {
    Map<String, String> messages = files.messages("""
        restApis:
          - deployments:
              - {id: aaaaaa, body: pets.yaml}
              - {id: bbbbbb, body: pets.yaml}
            stages:
              - stageName: one
              - {stageName: two, deploymentId: cccccc}
              - {stageName: three, deploymentId: aaaaaa, canarySettings: {deploymentId: dddddd}}
        """);

    assertThat(messages).containsOnly(
        Map.entry("/restApis/0/stages/0/deploymentId",
            "is missing; with several deployments a stage must name one of: aaaaaa, bbbbbb"),
        Map.entry("/restApis/0/stages/1/deploymentId",
            "no deployment of this API has the id \"cccccc\"; its deployments: aaaaaa, bbbbbb"),
        Map.entry("/restApis/0/stages/2/canarySettings/deploymentId",
            "no deployment of this API has the id \"dddddd\"; its deployments: aaaaaa, bbbbbb"));
  }

  @Test
  void idsAndNamesMustBeUnique() {
    Map<String, String> messages = files.messages("""
        restApis:
          - {id: aaaaaaaaaa, body: pets.yaml, stages: [{stageName: prod}, {stageName: prod}]}
          - {id: aaaaaaaaaa, body: pets.yaml, stages: [{stageName: prod}]}
          - {body: pets.yaml, stages: [{stageName: prod}]}
          - {body: pets.yaml, stages: [{stageName: prod}]}
          - deployments: [{body: pets.yaml}, {body: pets.yaml}]
            stages: [{stageName: prod, deploymentId: abcdef}]
        """);

    assertThat(messages).containsKeys("/restApis/0/stages/1/stageName", "/restApis/1/id", "/restApis/3",
        "/restApis/4/deployments/1");
    assertThat(messages.get("/restApis/3")).contains("is also the id of /restApis/2 (derived from the same body)");
  }

  @Test
  void methodSettingsMustNameMethodsOfTheDeployment() {
    Map<String, String> messages = files.messages("""
        restApis:
          - body: pets.yaml
            stages:
              - stageName: prod
                methodSettings:
                  pets/GET: {}
                  /GET: {}
                  pets/PUT: {}
                  /pets/GET: {}
        """);

    assertThat(messages).containsOnly(
        Map.entry("/restApis/0/stages/0/methodSettings/pets~1PUT", "\"pets/PUT\" names no method of the stage's "
            + "deployment; its methods: /GET, pets/GET, pets/POST, pets/{petId}/GET, pets/{petId}/DELETE"),
        Map.entry("/restApis/0/stages/0/methodSettings/~1pets~1GET", "\"/pets/GET\" is not a method settings key: "
            + "use */* for every method, or {resource path without the leading /}/{METHOD} such as "
            + "pets/{petId}/GET (/GET for the root)"));
  }

  @Test
  void stageValuesFollowAwsRules() {
    Map<String, String> messages = files.messages("""
        restApis:
          - body: pets.yaml
            stages:
              - stageName: prod
                variables: {v: "a b"}
                accessLogSettings: {format: "$context.status", destinationArn: not-an-arn}
                tags: {"aws:owner": x}
        """);

    assertThat(messages).containsOnlyKeys("/restApis/0/stages/0/variables/v",
        "/restApis/0/stages/0/accessLogSettings/format", "/restApis/0/stages/0/accessLogSettings/destinationArn",
        "/restApis/0/stages/0/tags/aws:owner");
    assertThat(messages.get("/restApis/0/stages/0/accessLogSettings/format"))
        .isEqualTo("must contain $context.requestId or $context.extendedRequestId, as in AWS");
  }

  @Test
  void storeRefusesSettingsItsEngineDoesNotUse() {
    Map<String, String> messages = files.messages("""
        store: {url: "jdbc:postgresql://db/gw"}
        """);

    assertThat(messages).containsOnlyKeys("/store/url");
    assertThat(messages.get("/store/url"))
        .isEqualTo("is not used by the default engine; remove it, or choose the engine that needs it");
  }

  @Test
  void wrongShapesAreReportedNotThrown() {
    Map<String, String> messages = files.messages("""
        restApis:
          -
          - just a string
          - {body: [pets.yaml], stages: {stageName: prod}}
        """);

    assertThat(messages).containsOnly(
        Map.entry("/restApis/0", "is an empty list entry; fill it in or remove it"),
        Map.entry("/restApis/1", "must be an object (key: value pairs), not the string \"just a string\""),
        Map.entry("/restApis/2/body", "must be a string, not a list"),
        Map.entry("/restApis/2/stages", "must be a list, not an object"));
  }
}
