package dev.restgate.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.BasePathMapping;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code domainNames} section, which this module owns. */
class DomainNamesSectionTest {
  private static final String API = "restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]\n";

  @TempDir
  Path dir;
  ConfigFiles files;

  @BeforeEach
  void writeBody() {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
  }

  @Test
  void mappingsAreReadInAwsForm() throws Exception {
    DomainNamesConfig config = files.load(API + """
        domainNames:
          - domainName: api.example.com
            securityPolicy: TLS_1_2
            endpointConfiguration: {types: [REGIONAL]}
            basePathMappings:
              - {restApiId: petstore01, stage: prod}
              - {basePath: pets, restApiId: petstore01, stage: (none)}
        """).section(DomainNamesConfig.class).orElseThrow();

    assertThat(config.domainNames().get(0).basePathMappings()).containsExactly(
        new BasePathMapping("(none)", "petstore01", "prod"), new BasePathMapping("pets", "petstore01", null));
  }

  @Test
  void basePathsAreUniquePerDomainAndReferenceConfiguredStages() {
    Map<String, String> messages = files.messages(API + """
        domainNames:
          - domainName: api.example.com
            basePathMappings:
              - {restApiId: petstore01, stage: prod}
              - {basePath: "(none)", restApiId: petstore01}
              - {basePath: v1, restApiId: petstore01, stage: beta}
              - {basePath: /v2, restApiId: nosuchapi1}
          - domainName: API.example.com
          - domainName: not a host
        """);

    assertThat(messages).containsOnlyKeys("/domainNames/0/basePathMappings/1/basePath",
        "/domainNames/0/basePathMappings/2/stage", "/domainNames/0/basePathMappings/3/basePath",
        "/domainNames/0/basePathMappings/3/restApiId", "/domainNames/1/domainName", "/domainNames/2/domainName");
  }

  @Test
  void routingRulesAreReadInPriorityOrder() throws Exception {
    DomainNamesConfig config = files.load(API + """
        domainNames:
          - domainName: api.example.com
            routingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING
            routingRules:
              - priority: 100
                conditions: []
                actions: [{invokeApi: {apiId: petstore01, stage: prod}}]
              - priority: 5
                conditions:
                  - {matchHeaders: {anyOf: [{header: x-version, valueGlob: "v2*"}]}}
                  - {matchBasePaths: {anyOf: [pets]}}
                actions: [{invokeApi: {apiId: petstore01, stage: prod, stripBasePath: true}}]
        """).section(DomainNamesConfig.class).orElseThrow();

    DomainRouting routing = config.routing(config.domainNames().get(0));
    assertThat(routing.mode()).isEqualTo(DomainRouting.Mode.ROUTING_RULE_THEN_API_MAPPING);
    assertThat(routing.rules()).containsExactly(
        new RoutingRule(5, List.of(new RoutingRule.HeaderCondition("x-version", "v2*")), "pets", "petstore01",
            "prod", true),
        new RoutingRule(100, List.of(), null, "petstore01", "prod", false));
  }

  @Test
  void routingRulesAreCheckedAgainstAwsLimits() {
    Map<String, String> messages = files.messages(API + """
        domainNames:
          - domainName: api.example.com
            routingRules:
              - priority: 1
                conditions: [{matchHeaders: {anyOf: [{header: Authorization, valueGlob: "a*b"}]}}]
                actions: [{invokeApi: {apiId: petstore01, stage: beta}}]
              - priority: 1
                conditions: []
                actions: []
          - domainName: b.example.com
            routingMode: ROUTING_RULE_ONLY
            basePathMappings: [{restApiId: petstore01, stage: prod}]
        """);

    assertThat(messages).containsOnlyKeys("/domainNames/0/routingRules",
        "/domainNames/0/routingRules/0/conditions/0/matchHeaders/anyOf/0/header",
        "/domainNames/0/routingRules/0/conditions/0/matchHeaders/anyOf/0/valueGlob",
        "/domainNames/0/routingRules/0/actions/0/invokeApi/stage", "/domainNames/0/routingRules/1/actions",
        "/domainNames/1/basePathMappings");
    assertThat(messages.get("/domainNames/0/routingRules")).contains("needs routingMode");
  }
}
