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
import java.util.LinkedHashMap;
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

  /** Pointer to message; several messages at one pointer are joined with " | ". */
  private static Map<String, String> byPointer(List<Problem> problems) {
    Map<String, String> messages = new LinkedHashMap<>();
    problems.forEach(p -> messages.merge(p.pointer(), p.message(), (a, b) -> a + " | " + b));
    return messages;
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
        extra: 1
        """);

    assertThat(byPointer(problems)).containsOnlyKeys(
        "/region", "/accountId",
        "/restApis/0/id", "/restApis/0/basepath", "/restApis/0/body",
        "/restApis/0/stages/0/stageName", "/restApis/0/stages/0/variables/bad-name",
        "/restApis/0/stages/0/variables/good", "/restApis/0/stages/0/cacheClusterSize",
        "/restApis/0/stages/0/canarySettings/percentTraffic", "/restApis/0/stages/0/methodSettings/pets~1FETCH",
        "/restApis/0/stages/0/methodSettings/*~1*/cacheTtlInSeconds",
        "/restApis/0/stages/0/methodSettings/*~1*/loggingLevel", "/restApis/0/stages/0/colour",
        "/apiKeys/0/value",
        "/usagePlans/0/apiStages/0/apiId", "/usagePlans/0/quota/period",
        "/usagePlanKeys/0/usagePlanId", "/usagePlanKeys/0/keyId",
        "/domainNames/0/domainName", "/domainNames/0/basePathMappings/0/basePath",
        "/domainNames/0/basePathMappings/0/restApiId",
        "/identities/0/accessKeyId", "/identities/0/secretAccessKey", "/identities/0/arn",
        "/identities/0/policies/0/Statement/0/Effect", "/identities/0/policies/0/Statement/0",
        "/lambda/endpoint", "/lambda/functions/0/handler", "/lambda/functions/0/codeUri",
        "/lambda/functions/0/timeout", "/lambda/functions/0/memorySize",
        "/store/type", "/rateLimiting/redisUri",
        "/extra");
    assertThat(problems).allMatch(p -> p.source().equals(dir.resolve("gateway.yaml").toString()));
  }

  @Test
  void anUnknownKeyListsTheKeysOfEveryModule() {
    assertThat(byPointer(files.problems("colour: blue\n"))).containsOnly(Map.entry("/colour", "unknown key "
        + "\"colour\"; valid keys here are: region, accountId, restApis, apiKeys, usagePlans, usagePlanKeys, "
        + "rateLimiting, domainNames, identities, lambda, store"));
  }

  @Test
  void everyTopLevelKeyIsDocumentedOnTheConfigurationPage() throws Exception {
    String page = Files.readString(DOC);
    List<String> keys = new ArrayList<>(List.of("region", "accountId", "restApis"));
    for (ConfigSection<?> section : ConfigLoader.sections(getClass().getClassLoader())) {
      keys.addAll(section.keys());
    }

    assertThat(keys).hasSize(11).allSatisfy(key -> assertThat(page).as(key).contains("| `" + key + "` |"));
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
