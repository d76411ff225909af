package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.ConfigSection;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.Problem;
import dev.restgate.testing.ConfigFiles;
import dev.restgate.throttling.UsagePlansConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway.yaml} with every module of the WAR: the sections of core and modules form one format, documented on
 * one page, with every problem of every section reported at once.
 */
class ConfigurationFormatTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final Pattern FIRST_YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: Example, version: "1"}
      paths:
        /pets:
          get: {responses: {"200": {description: ok}}}
          post: {responses: {"201": {description: created}}}
        /pets/{petId}:
          get: {responses: {"200": {description: ok}}}
        /orders:
          get: {responses: {"200": {description: ok}}}
          post: {responses: {"201": {description: created}}}
        /orders/{orderId}:
          get: {responses: {"200": {description: ok}}}
      """;

  @TempDir
  Path dir;
  ConfigFiles files;

  @BeforeEach
  void writeBody() {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
  }


  @Test
  void theProblemsOfEveryModulesSectionAreReportedAtOnceWithTheirPointers() {
    List<Problem> problems = files.problems("""
        region: Mars-1
        restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]
        apiKeys:
          - {value: short}
        usagePlans:
          - name: Basic
            apiStages: [{apiId: nosuchapi1, stage: prod}]
            quota: {limit: 10, period: YEAR}
        usagePlanKeys:
          - {usagePlanId: Gold, keyId: nobody}
        domainNames:
          - domainName: not a host
            basePathMappings:
              - {basePath: /v1, restApiId: nosuchapi1}
        identities:
          - accessKeyId: short
            arn: arn:aws:iam::1:user/x
            policies: [{Version: "2012-10-17", Statement: [{Effect: Permit, Action: "*"}]}]
        lambda:
          endpoint: ftp://x
          functions:
            - {functionName: hello, handler: not a handler, codeUri: nowhere.jar, timeout: 901, memorySize: 64}
        store: {type: mysql}
        rateLimiting: {backend: redis}
        cache: {backend: memcached}
        extra: 1
        """);

    assertThat(problems).extracting(Problem::pointer).containsOnly(
        "/region",
        "/apiKeys/0/value",
        "/usagePlans/0/apiStages/0/apiId", "/usagePlans/0/quota/period",
        "/usagePlanKeys/0/usagePlanId", "/usagePlanKeys/0/keyId",
        "/domainNames/0/domainName", "/domainNames/0/basePathMappings/0/basePath",
        "/domainNames/0/basePathMappings/0/restApiId",
        "/identities/0/accessKeyId", "/identities/0/secretAccessKey", "/identities/0/arn",
        "/identities/0/policies/0/Statement/0/Effect", "/identities/0/policies/0/Statement/0",
        "/lambda/endpoint", "/lambda/functions/0/handler", "/lambda/functions/0/codeUri",
        "/lambda/functions/0/timeout", "/lambda/functions/0/memorySize",
        "/store/type", "/rateLimiting/redisUri", "/cache/backend",
        "/extra");
    assertThat(problems).allMatch(p -> p.source().equals(dir.resolve("gateway.yaml").toString()));
  }

  @Test
  void anUnknownKeyListsTheKeysOfEveryModule() {
    assertThat(files.messages("colour: blue\n")).containsOnly(Map.entry("/colour", "unknown key "
        + "\"colour\"; valid keys here are: region, accountId, restApis, apiKeys, usagePlans, usagePlanKeys, "
        + "rateLimiting, cache, cognito, controlPlane, domainNames, identities, lambda, metrics, store, tracing"));
  }

  @Test
  void everyTopLevelKeyIsDocumentedOnTheConfigurationPage() throws Exception {
    String page = Files.readString(DOC);
    List<String> keys = new ArrayList<>(List.of("region", "accountId", "restApis"));
    for (ConfigSection<?> section : ConfigLoader.sections(getClass().getClassLoader())) {
      keys.addAll(section.keys());
    }

    assertThat(keys).hasSize(16).allSatisfy(key -> assertThat(page).as(key).contains("| `" + key + "` |"));
  }

  @Test
  void firstYamlBlockOfTheConfigurationPageLoads() throws Exception {
    Matcher block = FIRST_YAML_BLOCK.matcher(Files.readString(DOC));
    assertThat(block.find()).as("a ```yaml block in " + DOC).isTrue();
    String example = block.group(1);
    ConfigFiles files = new ConfigFiles(dir,
        Map.of("ACME_API_KEY", "acme-0123456789abcdefghij", "REPORTING_SECRET_KEY", "wJalrXUtnFEMI/K7MDENG"));
    JsonNode tree = new YAMLMapper().readTree(example);
    tree.findValuesAsText("body").forEach(body -> files.write(body, OPENAPI));
    tree.findValuesAsText("codeUri").forEach(codeUri -> files.write(codeUri, "a jar"));

    GatewayConfig config = files.load(example);

    assertThat(config.restApis()).hasSize(tree.path("restApis").size());
    assertThat(config.restApis()).allSatisfy(api -> assertThat(api.stages()).isNotEmpty());
    assertThat(config.section(UsagePlansConfig.class).orElseThrow().usagePlanKeys())
        .hasSize(tree.path("usagePlanKeys").size());
  }
}
