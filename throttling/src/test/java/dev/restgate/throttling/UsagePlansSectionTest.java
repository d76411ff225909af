package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.GatewayConfig;
import dev.restgate.model.ApiKey;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.testing.ConfigFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code apiKeys}, {@code usagePlans}, {@code usagePlanKeys} and {@code rateLimiting} sections. */
class UsagePlansSectionTest {
  private static final String API = "restApis: [{id: petstore01, body: pets.yaml, stages: [{stageName: prod}]}]\n";

  @TempDir
  Path dir;
  ConfigFiles files;

  @BeforeEach
  void writeBody() {
    files = new ConfigFiles(dir);
    files.write("pets.yaml", ConfigFiles.PETS);
  }

  private static UsagePlansConfig plans(GatewayConfig config) {
    return config.section(UsagePlansConfig.class).orElseThrow();
  }

  @Test
  void keysPlansAndTheirKeysAreRead() throws Exception {
    UsagePlansConfig config = plans(files.load(API + """
        apiKeys:
          - name: alice
            value: alice-key-0123456789abcdef
            enabled: true
            customerId: c-1
            stageKeys: [petstore01/prod]
          - id: bobkey0000
            value: bob-key-0123456789abcdef
        usagePlans:
          - name: Basic
            apiStages:
              - apiId: petstore01
                stage: prod
                throttle:
                  /pets/GET: {burstLimit: 5, rateLimit: 2}
                  //GET: {burstLimit: 1, rateLimit: 1}
            throttle: {burstLimit: 100, rateLimit: 200}
            quota: {limit: 5000, offset: 0, period: MONTH}
        usagePlanKeys:
          - {usagePlanId: Basic, keyId: alice}
          - {usagePlanId: Basic, keyId: bobkey0000, keyType: API_KEY}
        rateLimiting: {backend: redis, redisUri: "redis://cache:6379"}
        """));

    ApiKey alice = config.apiKeys().get(0);
    assertThat(alice.id()).matches("[a-z0-9]{10}");
    assertThat(alice.enabled()).isTrue();
    assertThat(alice.stageKeys()).containsExactly("petstore01/prod");
    assertThat(config.apiKeys().get(1).enabled()).as("disabled unless enabled, as in AWS").isFalse();
    UsagePlan plan = config.usagePlans().get(0);
    assertThat(plan.id()).matches("[a-z0-9]{6}");
    assertThat(plan.apiStages().get(0).throttle())
        .containsEntry("/pets/GET", new ThrottleSettings(5, 2.0))
        .containsEntry("//GET", new ThrottleSettings(1, 1.0));
    assertThat(plan.quota().period()).isEqualTo("MONTH");
    assertThat(config.usagePlanKeys()).containsExactly(new UsagePlanKey(plan.id(), alice.id(), "API_KEY"),
        new UsagePlanKey(plan.id(), "bobkey0000", "API_KEY"));
    assertThat(config.rateLimiting().redisUri()).isEqualTo("redis://cache:6379");
  }

  @Test
  void absentSectionsAreNoKeysNoPlansAndLocalLimits() throws Exception {
    assertThat(plans(files.load(API))).isEqualTo(UsagePlansConfig.NONE);
  }

  @Test
  void keysAndPlansAreReferencedByIdOrName() throws Exception {
    UsagePlansConfig config = plans(files.load(API + """
        apiKeys: [{id: key0000001, name: alice, value: alice-key-0123456789abcdef}]
        usagePlans: [{id: plan01, name: Basic, apiStages: [{apiId: petstore01, stage: prod}]}]
        usagePlanKeys:
          - {usagePlanId: plan01, keyId: alice}
        """));

    assertThat(config.usagePlanKeys()).containsExactly(new UsagePlanKey("plan01", "key0000001", "API_KEY"));
  }

  @Test
  void derivedIdsAreTheSameOnEveryLoad() throws Exception {
    String yaml = API + """
        apiKeys: [{name: alice, value: alice-key-0123456789abcdef}]
        usagePlans: [{name: Basic}]
        """;
    UsagePlansConfig first = plans(files.load(yaml));
    UsagePlansConfig second = plans(new ConfigFiles(dir).load(yaml));

    assertThat(second.apiKeys().get(0).id()).isEqualTo(first.apiKeys().get(0).id());
    assertThat(second.usagePlans().get(0).id()).isEqualTo(first.usagePlans().get(0).id());
  }

  @Test
  void plansMustReferenceConfiguredStagesAndMethods() {
    Map<String, String> messages = files.messages(API + """
        usagePlans:
          - name: Basic
            apiStages:
              - apiId: petstore01
                stage: beta
              - apiId: petstore01
                stage: prod
                throttle:
                  /pets/PATCH: {rateLimit: 1}
                  pets/GET: {rateLimit: 1}
              - {apiId: nosuchapi1, stage: prod}
            quota: {limit: 10, period: YEAR}
        """);

    assertThat(messages).containsOnlyKeys("/usagePlans/0/apiStages/0/stage",
        "/usagePlans/0/apiStages/1/throttle/~1pets~1PATCH", "/usagePlans/0/apiStages/1/throttle/pets~1GET",
        "/usagePlans/0/apiStages/2/apiId", "/usagePlans/0/quota/period");
    assertThat(messages.get("/usagePlans/0/apiStages/0/stage"))
        .isEqualTo("API petstore01 has no stage \"beta\"; its stages: prod");
    assertThat(messages.get("/usagePlans/0/apiStages/1/throttle/~1pets~1PATCH"))
        .startsWith("\"/pets/PATCH\" names no method of petstore01/prod; its methods: ");
  }

  @Test
  void aKeyIsInOnlyOnePlanPerApiStageAndKeyValuesAreUnique() {
    Map<String, String> messages = files.messages(API + """
        apiKeys:
          - {name: alice, value: alice-key-0123456789abcdef}
          - {name: bob, value: alice-key-0123456789abcdef}
          - {value: short}
        usagePlans:
          - {name: Basic, apiStages: [{apiId: petstore01, stage: prod}]}
          - {name: Gold, apiStages: [{apiId: petstore01, stage: prod}]}
        usagePlanKeys:
          - {usagePlanId: Basic, keyId: alice}
          - {usagePlanId: Gold, keyId: alice}
          - {usagePlanId: Gold, keyId: alice}
          - {usagePlanId: Platinum, keyId: nobody}
        """);

    assertThat(messages).containsOnlyKeys("/apiKeys/1/value", "/apiKeys/2/value", "/usagePlanKeys/1",
        "/usagePlanKeys/2", "/usagePlanKeys/3/usagePlanId", "/usagePlanKeys/3/keyId");
    assertThat(messages.get("/usagePlanKeys/1")).endsWith("a key may be in only one plan per API stage");
    assertThat(messages.get("/usagePlanKeys/2")).startsWith("attaches the same key to the same plan");
  }

  @Test
  void rateLimitingNeedsWhatItsBackendUsesAndNothingElse() {
    assertThat(files.messages("rateLimiting: {backend: redis}\n"))
        .containsOnly(Map.entry("/rateLimiting/redisUri", "is missing; this key is required"));
    assertThat(files.messages(
        "rateLimiting: {backend: postgresql, redisUri: \"redis://x\", url: \"mysql://db\"}\n"))
        .containsOnlyKeys("/rateLimiting/redisUri", "/rateLimiting/url");
    assertThat(files.messages("rateLimiting: {failOpen: false}\n"))
        .containsOnly(Map.entry("/rateLimiting/failOpen", "is not used by the default engine; remove it, or choose "
            + "the engine that needs it"));
  }

  @Test
  void theAccountThrottleDefaultsToAwsLimitsAndMaySetEither() throws Exception {
    assertThat(plans(files.load(API)).rateLimiting().accountThrottle())
        .isEqualTo(new ThrottleSettings(5000, 10000.0));
    RateLimitingConfig limits = plans(files.load(API + "rateLimiting: {accountThrottle: {rateLimit: 50}}\n"))
        .rateLimiting();
    assertThat(limits.accountThrottle()).isEqualTo(new ThrottleSettings(5000, 50.0));
    assertThat(limits.failOpen()).isTrue();
    String failClosed = "rateLimiting: {backend: redis, redisUri: \"redis://r:6379\", failOpen: false}\n";
    assertThat(plans(files.load(API + failClosed)).rateLimiting().failOpen()).isFalse();
  }

  @Test
  void aQuotaOffsetIsTheDayItsWindowsStartOn() {
    assertThat(files.messages(API + """
        usagePlans:
          - {name: a, quota: {limit: 5, period: DAY, offset: 1}}
          - {name: b, quota: {limit: 5, period: WEEK, offset: 7}}
          - {name: c, quota: {limit: 5, period: MONTH, offset: 28}}
          - {name: d, quota: {limit: 5, period: MONTH, offset: 27}}
        """)).containsOnly(
        Map.entry("/usagePlans/0/quota/offset", "is 1; a DAY quota's offset is the day its windows start on: 0 for "
            + "a DAY quota"),
        Map.entry("/usagePlans/1/quota/offset", "is 7; a WEEK quota's offset is the day its windows start on: 0 "
            + "(Sunday) to 6 (Saturday)"),
        Map.entry("/usagePlans/2/quota/offset", "is 28; a MONTH quota's offset is the day its windows start on: 0 "
            + "(the 1st) to 27 (the 28th)"));
  }

  @Test
  void wrongShapesAreReportedNotThrown() {
    assertThat(files.messages("""
        apiKeys:
          -
          - just a string
        usagePlans: [{name: [a]}]
        """)).containsOnly(
        Map.entry("/apiKeys/0", "is an empty list entry; fill it in or remove it"),
        Map.entry("/apiKeys/1", "must be an object (key: value pairs), not the string \"just a string\""),
        Map.entry("/usagePlans/0/name", "must be a string, not a list"));
  }

  @Test
  void secretsAreLeftOutOfToString() {
    assertThat(new RateLimitingConfig("postgresql", null, "jdbc:postgresql://db/gw", "gw", "s3cret", null, true)
        .toString()).doesNotContain("s3cret");
    assertThat(new RateLimitingConfig("redis", "redis://user:s3cret@cache:6379", null, null, null, null, true)
        .toString()).doesNotContain("s3cret").contains("redis://****@cache:6379");
    assertThat(new ApiKey("alicekey01", "alice-key-0123456789abcdef", "alice", null, null, true, null, null)
        .toString()).doesNotContain("alice-key-0123456789abcdef").contains("alicekey01");
  }
}
