package dev.restgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.restgate.model.CanarySettings;
import dev.restgate.model.Deployment;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.Stage;
import dev.restgate.spi.ApiImporter;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  ConfigFiles files;

  @BeforeEach
  void writeBodies() {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
    files.write("pets-v2.yaml", ConfigFiles.PETS + "  /owners: [GET]\n");
  }

  @Test
  void fullConfigurationBuildsEveryRecord() throws Exception {
    GatewayConfig config = files.load("""
        region: eu-west-1
        accountId: "210987654321"
        restApis:
          - id: petstore01
            basepath: prepend
            deployments:
              - id: v1aaaa
                description: first
                body: pets.yaml
              - id: v2bbbb
                body: pets-v2.yaml
                failOnWarnings: true
            stages:
              - stageName: prod
                deploymentId: v1aaaa
                description: production
                variables: {backend: "https://backend.example.com/v1", mode: live}
                methodSettings:
                  "*/*": {throttlingBurstLimit: 100, throttlingRateLimit: 50, loggingLevel: INFO}
                  pets/{petId}/GET: {cachingEnabled: true, cacheTtlInSeconds: 60}
                  owners/GET: {metricsEnabled: true}
                canarySettings:
                  deploymentId: v2bbbb
                  percentTraffic: 12.5
                  stageVariableOverrides: {mode: canary}
                  useStageCache: false
                cacheClusterEnabled: true
                cacheClusterSize: 0.5
                tracingEnabled: false
                accessLogSettings:
                  format: "$context.requestId $context.status"
                  destinationArn: arn:aws:logs:eu-west-1:210987654321:log-group:access
                tags: {team: pets}
        store: {type: postgresql, url: "jdbc:postgresql://db/gateway", username: gw, password: secret}
        """);

    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.accountId()).isEqualTo("210987654321");
    assertThat(config.source()).isEqualTo(dir.resolve("gateway.yaml"));

    ApiConfig api = config.restApi("petstore01").orElseThrow();
    assertThat(api.deployments()).extracting(Deployment::id, Deployment::description)
        .containsExactly(tuple("v1aaaa", "first"),
            tuple("v2bbbb", null));
    assertThat(api.deployment("v2bbbb").orElseThrow().api().resources())
        .anyMatch(r -> r.path().equals("/owners"));
    Stage prod = api.stage("prod").orElseThrow();
    assertThat(prod.deploymentId()).isEqualTo("v1aaaa");
    assertThat(prod.variables()).containsExactly(Map.entry("backend", "https://backend.example.com/v1"),
        Map.entry("mode", "live"));
    assertThat(prod.methodSettings()).containsKeys("*/*", "pets/{petId}/GET", "owners/GET");
    assertThat(prod.methodSettings().get("*/*")).isEqualTo(
        new MethodSetting(null, "INFO", null, 100, 50.0, null, null, null, null, null));
    assertThat(prod.canarySettings()).isEqualTo(new CanarySettings("v2bbbb", 12.5, Map.of("mode", "canary"), false));
    assertThat(prod.cacheClusterSize()).isEqualTo("0.5");
    assertThat(prod.accessLogSettings().destinationArn()).startsWith("arn:aws:logs:");
    assertThat(prod.tags()).isEqualTo(Map.of("team", "pets"));

    assertThat(files.importer.imports).extracting(ApiImporter.Options::failOnWarnings).containsExactly(false, true);
    assertThat(files.importer.imports.get(0)).isEqualTo(new ApiImporter.Options("petstore01",
        dir.resolve("pets.yaml").toString(), "prepend", false, "eu-west-1", "210987654321", "aws"));

    assertThat(config.section(StoreConfig.class))
        .hasValue(new StoreConfig("postgresql", "jdbc:postgresql://db/gateway", "gw", "secret"));
  }

  @Test
  void absentSectionsTakeTheirDefaults() throws Exception {
    GatewayConfig config = files.load("restApis: [{body: pets.yaml, stages: [{stageName: dev}]}]\n");

    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isEqualTo("123456789012");
    assertThat(config.section(StoreConfig.class)).hasValue(StoreConfig.EMBEDDED);
    assertThat(files.importer.imports.get(0).basepath()).isEqualTo("ignore");
    ApiConfig api = config.restApis().get(0);
    assertThat(api.stages().get(0).deploymentId()).isEqualTo(api.deployments().get(0).id());
  }

  @Test
  void emptyFileIsAConfigurationWithoutApis() throws Exception {
    assertThat(files.load("").restApis()).isEmpty();
  }

  @Test
  void derivedIdsAreTheSameOnEveryLoad() throws Exception {
    String yaml = """
        restApis:
          - {body: pets.yaml, stages: [{stageName: prod}]}
          - {body: pets-v2.yaml, stages: [{stageName: prod}]}
        """;
    GatewayConfig first = files.load(yaml);
    GatewayConfig second = new ConfigFiles(dir).load(yaml);

    List<String> ids = first.restApis().stream().map(ApiConfig::id).toList();
    assertThat(ids).allMatch(id -> id.matches("[a-z0-9]{10}")).doesNotHaveDuplicates();
    assertThat(second.restApis().stream().map(ApiConfig::id).toList()).isEqualTo(ids);
    assertThat(second.restApis().get(0).deployments().get(0).id())
        .matches("[a-z0-9]{6}")
        .isEqualTo(first.restApis().get(0).deployments().get(0).id());
    assertThat(files.importer.imports.get(0).apiId()).isEqualTo(ids.get(0));
  }

  @Test
  void deploymentIsDatedByItsBodyFile() throws Exception {
    Instant modified = Instant.parse("2024-05-01T10:15:30Z");
    Files.setLastModifiedTime(dir.resolve("pets.yaml"), FileTime.from(modified));

    GatewayConfig config = files.load("restApis: [{body: pets.yaml, stages: [{stageName: prod}]}]\n");

    assertThat(config.restApis().get(0).deployments().get(0).createdDate()).isEqualTo(modified);
  }

  @Test
  void anApiWithABodyAndListedDeploymentsShowsTheBodyAndServesTheDeployments() throws Exception {
    GatewayConfig config = files.load("""
        restApis:
          - id: petstore01
            body: pets-v2.yaml
            createdDate: "2026-01-02T03:04:05Z"
            deployments:
              - {id: rel001, body: pets.yaml, createdDate: "2026-02-01T00:00:00Z"}
            stages: [{stageName: prod}]
          - id: drafted001
            body: pets.yaml
            deployments: []
        """);

    ApiConfig served = config.restApi("petstore01").orElseThrow();
    assertThat(served.createdDate()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(served.definition().resources()).extracting(r -> r.path()).contains("/owners");
    assertThat(served.deployments()).singleElement().satisfies(d -> {
      assertThat(d.createdDate()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
      assertThat(d.api().resources()).extracting(r -> r.path()).doesNotContain("/owners");
    });
    assertThat(served.stages()).extracting(Stage::deploymentId).containsExactly("rel001");
    ApiConfig drafted = config.restApi("drafted001").orElseThrow();
    assertThat(drafted.deployments()).isEmpty();
    assertThat(drafted.stages()).isEmpty();
    assertThat(drafted.definition().resources()).extracting(r -> r.path()).contains("/pets");
  }

  @Test
  void aBodyMayBeGivenInline() throws Exception {
    GatewayConfig config = files.load("""
        restApis:
          - id: inline0001
            body:
              title: Inline
              paths:
                /things: [GET]
            stages: [{stageName: prod}]
        """);

    ApiConfig api = config.restApi("inline0001").orElseThrow();
    assertThat(api.deployments().get(0).api().name()).isEqualTo("Inline");
    assertThat(api.definition().resources()).extracting(r -> r.path()).contains("/things");
  }

  @Test
  void jsonIsRecognisedByItsContentWhateverTheFileName() throws Exception {
    Path json = files.write("gateway.yaml", """
        {"region": "ap-southeast-2",
         "restApis": [{"id": "jsonapi001", "body": "pets.yaml", "stages": [{"stageName": "prod"}]}]}
        """);
    Path yaml = files.write("gateway.json", "region: ca-central-1\n");

    assertThat(files.loader().load(json).restApi("jsonapi001")).isPresent();
    assertThat(files.loader().load(json).region()).isEqualTo("ap-southeast-2");
    assertThat(files.loader().load(yaml).region()).isEqualTo("ca-central-1");
  }

  @Test
  void importerWarningsDoNotStopLoading() throws Exception {
    files.write("warned.yaml", ConfigFiles.PETS + "warnings: [ignored x-amazon-apigateway-foo]\n");

    GatewayConfig config = files.load("restApis: [{body: warned.yaml, stages: [{stageName: prod}]}]\n");

    assertThat(config.restApis()).hasSize(1);
  }

  @Test
  void cacheClusterSizeIsAcceptedAsNumberOrString() throws Exception {
    GatewayConfig config = files.load("""
        restApis:
          - body: pets.yaml
            stages:
              - {stageName: a, cacheClusterSize: 118}
              - {stageName: b, cacheClusterSize: "13.5"}
        """);

    assertThat(config.restApis().get(0).stages()).extracting(Stage::cacheClusterSize).containsExactly("118", "13.5");
  }
}
