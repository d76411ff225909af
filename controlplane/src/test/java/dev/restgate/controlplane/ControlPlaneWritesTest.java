package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.ManagedObjects;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKeysFormat;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.ImportApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.UpdateUsageResponse;

/**
 * Objects created at run time through the AWS SDK: a key made and put in a declared usage plan admits calls until
 * the plan's quota answers 429, its usage reads back, disabling it refuses it, it survives a restart, and deleting
 * it takes it out of its plans; {@code UpdateUsage} leaves a key the requests it is told to. The gateway is wired as
 * the servlet filter wires it ({@link ManagedObjects}).
 */
class ControlPlaneWritesTest {
  @TempDir
  Path dir;
  private RecordingBackend backend;
  private EmbeddedGateway gateway;
  private ApiGatewayClient admin;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("orders.yaml"), """
        openapi: 3.0.1
        info: {title: orders, version: "1"}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
        paths:
          /orders:
            get:
              security: [{api_key: []}]
              x-amazon-apigateway-integration:
                {type: http_proxy, httpMethod: GET, uri: "${stageVariables.backend}/orders"}
        """);
    config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - {id: ordersapi1, body: orders.yaml, stages: [{stageName: prod, variables: {backend: "%s"}}]}
        usagePlans:
          - name: bronze
            apiStages: [{apiId: ordersapi1, stage: prod}]
            quota: {limit: 2, period: DAY}
        identities:
        %s""".formatted(backend.url(), Operators.OPERATOR));
    startGateway();
  }

  private void startGateway() throws Exception {
    gateway = Operators.startManaged(config, dir.resolve("data"));
    admin = Operators.client(gateway.port(), Operators.ACCESS_KEY, Operators.SECRET);
  }

  private void stopGateway() throws Exception {
    admin.close();
    gateway.close();
  }

  @AfterEach
  void stop() throws Exception {
    stopGateway();
    backend.close();
  }

  private int call(String key) throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest("ordersapi1", "prod", "/orders"), "x-api-key", key);
    return response.statusCode();
  }

  @Test
  void aKeyMadeAtRunTimeIsServedCountedDisabledKeptAndDeleted() throws Exception {
    CreateApiKeyResponse key = admin.createApiKey(r -> r.name("developer").customerId("acme").enabled(true));
    assertThat(key.value()).hasSize(40);
    assertThat(key.id()).matches("[a-z0-9]{10}");
    String plan = admin.getUsagePlans(r -> { }).items().get(0).id();
    assertThat(call(key.value())).isEqualTo(403);

    admin.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(call(key.value()));
    }
    assertThat(statuses).containsExactly(200, 200, 429);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(admin.getUsage(r -> r.usagePlanId(plan).startDate(today).endDate(today)).items().get(key.id()))
        .containsExactly(List.of(2L, 0L));

    assertThat(admin.updateApiKey(r -> r.apiKey(key.id()).patchOperations(p -> p.op("replace").path("/enabled")
        .value("false"))).enabled()).isFalse();
    assertThat(call(key.value())).isEqualTo(403);

    stopGateway();
    startGateway();
    assertThat(admin.getApiKey(r -> r.apiKey(key.id()).includeValue(true)).value()).isEqualTo(key.value());
    assertThat(admin.getUsagePlanKeys(r -> r.usagePlanId(plan)).items()).extracting(k -> k.id())
        .containsExactly(key.id());

    admin.deleteApiKey(r -> r.apiKey(key.id()));
    assertThatThrownBy(() -> admin.getApiKey(r -> r.apiKey(key.id()))).isInstanceOf(NotFoundException.class);
    assertThat(admin.getUsagePlanKeys(r -> r.usagePlanId(plan)).items()).isEmpty();
  }

  @Test
  void aPlanMadeAtRunTimeLimitsItsKeysAndChangesWithPatches() throws Exception {
    String plan = admin.createUsagePlan(r -> r.name("trial").description("one call a day")
        .apiStages(s -> s.apiId("ordersapi1").stage("prod"))
        .quota(q -> q.limit(1).period("DAY"))).id();
    String declaredPlan = admin.getUsagePlans(r -> { }).items().stream().filter(p -> p.name().equals("bronze"))
        .findFirst().orElseThrow().id();
    CreateApiKeyResponse key = admin.createApiKey(r -> r.name("trial-user").enabled(true));
    admin.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));

    assertThat(List.of(call(key.value()), call(key.value()))).containsExactly(200, 429);

    var updated = admin.updateUsagePlan(r -> r.usagePlanId(plan).patchOperations(
        p -> p.op("replace").path("/quota/limit").value("3"),
        p -> p.op("replace").path("/name").value("trial-plus")));
    assertThat(updated.name()).isEqualTo("trial-plus");
    assertThat(updated.quota().limit()).isEqualTo(3);
    assertThat(List.of(call(key.value()), call(key.value()))).containsExactly(200, 200);

    assertThatThrownBy(() -> admin.updateUsagePlan(r -> r.usagePlanId(declaredPlan).patchOperations(
        p -> p.op("replace").path("/name").value("x")))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Usage plan " + declaredPlan + " is declared in " + config);
    assertThatThrownBy(() -> admin.updateUsagePlan(r -> r.usagePlanId(plan).patchOperations(
        p -> p.op("replace").path("/productCode").value("x")))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid patch path  '/productCode' specified for op 'replace'");

    admin.deleteUsagePlan(r -> r.usagePlanId(plan));
    assertThat(admin.getUsagePlans(r -> { }).items()).extracting(p -> p.name()).containsExactly("bronze");
    assertThat(call(key.value())).isEqualTo(403);
  }

  @Test
  void anApiKeyFileImportsKeysIntoTheirPlansAndReplacesKeysWithTheSameValue() throws Exception {
    String plan = admin.getUsagePlans(r -> { }).items().get(0).id();
    String csv = "Name,key,description,Enabled,usageplanIds,Owner\n"
        + "imported-one,imported-key-value-0000001,An imported key,TRUE,\"" + plan + "\",ops\n"
        + "imported-two,short,,true,,ops\n";

    ImportApiKeysResponse imported = admin.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv))
        .format(ApiKeysFormat.CSV));
    assertThat(imported.ids()).hasSize(1);
    assertThat(imported.warnings()).singleElement().asString().contains("Line 3", "20 to 128 characters");
    assertThat(call("imported-key-value-0000001")).isEqualTo(200);

    assertThatThrownBy(() -> admin.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(csv.replace("TRUE", "FALSE")))
        .format(ApiKeysFormat.CSV).failOnWarnings(true))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("failonwarnings");
    assertThat(call("imported-key-value-0000001")).isEqualTo(200);

    ImportApiKeysResponse again = admin.importApiKeys(r -> r.body(SdkBytes.fromUtf8String(
        "key,NAME,Enabled\nimported-key-value-0000001,renamed,false\n")).format(ApiKeysFormat.CSV));
    assertThat(again.ids()).containsExactlyElementsOf(imported.ids());
    assertThat(admin.getApiKey(r -> r.apiKey(imported.ids().get(0))).name()).isEqualTo("renamed");
    assertThat(call("imported-key-value-0000001")).isEqualTo(403);
  }

  @Test
  void keysMadeAtRunTimeAreTaggedAndUntagged() {
    String key = admin.createApiKey(r -> r.name("tagged")).id();
    String arn = "arn:aws:apigateway:us-east-1::/apikeys/" + key;

    admin.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", "orders", "env", "dev")));
    assertThat(admin.getTags(r -> r.resourceArn(arn)).tags()).containsOnly(Map.entry("team", "orders"),
        Map.entry("env", "dev"));
    admin.untagResource(r -> r.resourceArn(arn).tagKeys("env"));
    assertThat(admin.getTags(r -> r.resourceArn(arn)).tags()).containsOnly(Map.entry("team", "orders"));

    String plan = admin.getUsagePlans(r -> { }).items().get(0).id();
    assertThatThrownBy(() -> admin.tagResource(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/usageplans/"
        + plan).tags(Map.of("team", "x")))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("is declared in");
  }

  private String declaredPlan() {
    return admin.getUsagePlans(r -> { }).items().stream().filter(p -> p.name().equals("bronze")).findFirst()
        .orElseThrow().id();
  }

  private List<List<Long>> usageToday(String plan, String keyId) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    return admin.getUsage(r -> r.usagePlanId(plan).keyId(keyId).startDate(today).endDate(today)).items()
        .get(keyId);
  }

  @Test
  void updateUsageLeavesAKeyOfADeclaredPlanExactlyTheRemainingRequestsAndARestartKeepsThem() throws Exception {
    String plan = declaredPlan();
    CreateApiKeyResponse key = admin.createApiKey(r -> r.name("busy").enabled(true));
    admin.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
    assertThat(List.of(call(key.value()), call(key.value()), call(key.value()))).containsExactly(200, 200, 429);

    UpdateUsageResponse updated = admin.updateUsage(r -> r.usagePlanId(plan).keyId(key.id())
        .patchOperations(p -> p.op("replace").path("/remaining").value("3")));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(updated.usagePlanId()).isEqualTo(plan);
    assertThat(updated.startDate()).isEqualTo(today);
    assertThat(updated.endDate()).isEqualTo(today);
    assertThat(updated.items()).containsExactly(Map.entry(key.id(), List.of(List.of(2L, 3L))));
    assertThat(call(key.value())).isEqualTo(200);
    assertThat(usageToday(plan, key.id())).containsExactly(List.of(3L, 2L));

    stopGateway();
    startGateway();
    assertThat(usageToday(plan, key.id())).containsExactly(List.of(3L, 2L));
    assertThat(List.of(call(key.value()), call(key.value()), call(key.value()))).containsExactly(200, 200, 429);
    assertThat(usageToday(plan, key.id())).containsExactly(List.of(5L, 0L));
  }

  @Test
  void updateUsageAnswersAwsErrors() {
    String plan = declaredPlan();
    String outsider = admin.createApiKey(r -> r.name("outsider").enabled(true)).id();
    assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId("nosuch").keyId(outsider)
        .patchOperations(p -> p.op("replace").path("/remaining").value("1")))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Invalid Usage Plan ID specified");
    assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId(plan).keyId(outsider)
        .patchOperations(p -> p.op("replace").path("/remaining").value("1")))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Invalid Usage Plan Key identifier specified");

    String free = admin.createUsagePlan(r -> r.name("free").apiStages(s -> s.apiId("ordersapi1").stage("prod"))).id();
    admin.createUsagePlanKey(r -> r.usagePlanId(free).keyId(outsider).keyType("API_KEY"));
    assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId(free).keyId(outsider)
        .patchOperations(p -> p.op("replace").path("/remaining").value("1"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Usage plan " + free + " has no quota");

    String member = admin.createApiKey(r -> r.name("member")).id();
    admin.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(member).keyType("API_KEY"));
    assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId(plan).keyId(member)
        .patchOperations(p -> p.op("replace").path("/used").value("1")))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid patch path  '/used' specified for op 'replace'. Must be one of: [/remaining]");
    assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId(plan).keyId(member)
        .patchOperations(p -> p.op("add").path("/remaining").value("1")))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid patch path  '/remaining' specified for op 'add'");
    for (String value : List.of("-1", "many", "2147483648")) {
      assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId(plan).keyId(member)
          .patchOperations(p -> p.op("replace").path("/remaining").value(value))))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("Invalid value for /remaining: " + value + " (use a whole number from 0 to");
    }
    assertThatThrownBy(() -> admin.updateUsage(r -> r.usagePlanId(plan).keyId(member)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("replace /remaining");
  }

  @Test
  void aBadObjectIsRefusedWithItsProblemsAndNothingChanges() throws Exception {
    assertThatThrownBy(() -> admin.createApiKey(r -> r.name("short").value("too-short")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("use 20 to 128 printable ASCII characters");
    assertThat(admin.getApiKeys(r -> { }).items()).isEmpty();
    assertThat(dir.resolve("data").resolve(ManagedObjects.FILE_NAME)).doesNotExist();

    assertThatThrownBy(() -> admin.createUsagePlanKey(r -> r.usagePlanId(
        admin.getUsagePlans(q -> { }).items().get(0).id()).keyId("nosuchkey1").keyType("API_KEY")))
        .isInstanceOf(BadRequestException.class);
  }
}
