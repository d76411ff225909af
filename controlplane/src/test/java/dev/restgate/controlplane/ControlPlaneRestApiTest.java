package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.ImportRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;

/**
 * REST APIs made at run time through the AWS SDK: an imported definition becomes callable once deployed to a stage,
 * later imports change only later deployments, stages change by patches (variables, method settings, a canary and
 * its promotion), everything survives a restart, and what the file declares stays read-only.
 */
class ControlPlaneRestApiTest {
  /** A definition whose MOCK methods answer with the stage variable {@code release}, so tests see what serves. */
  private static final String PETS = """
      openapi: 3.0.1
      info: {title: pets, version: "1"}
      paths:
        /pets:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates: {application/json: '{"statusCode": 200}'}
              responses:
                default:
                  statusCode: "200"
                  responseTemplates: {application/json: 'pets $stageVariables.release'}
      """;
  private static final String OWNERS = """
      openapi: 3.0.1
      info: {title: pets, version: "2"}
      paths:
        /owners:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates: {application/json: '{"statusCode": 200}'}
              responses:
                default: {statusCode: "200", responseTemplates: {application/json: 'owners'}}
      """;

  @TempDir
  Path dir;
  private EmbeddedGateway gateway;
  private ApiGatewayClient admin;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve("declared.yaml"), PETS);
    config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - {id: declared01, body: declared.yaml, stages: [{stageName: prod}]}
        domainNames:
          - {domainName: declared.example.com}
        identities:
        %s""".formatted(Operators.OPERATOR));
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
  }

  private HttpResponse<String> call(String apiId, String stage, String path) throws Exception {
    return Http.get(gateway.userRequest(apiId, stage, path));
  }

  private String importPets() {
    ImportRestApiResponse imported = admin.importRestApi(r -> r.body(SdkBytes.fromUtf8String(PETS)));
    assertThat(imported.id()).matches("[a-z0-9]{10}");
    assertThat(imported.name()).isEqualTo("pets");
    return imported.id();
  }

  @Test
  void anImportedApiIsServedOnceDeployedAndKeptAcrossARestart() throws Exception {
    String api = importPets();
    assertThat(admin.getResources(r -> r.restApiId(api)).items()).extracting(r -> r.path())
        .containsExactlyInAnyOrder("/", "/pets");
    assertThat(call(api, "prod", "/pets").statusCode()).isEqualTo(403);

    CreateDeploymentResponse deployment = admin.createDeployment(r -> r.restApiId(api).stageName("prod")
        .description("first").variables(Map.of("release", "one")));
    assertThat(deployment.id()).matches("[a-z0-9]{6}");
    assertThat(call(api, "prod", "/pets").body()).isEqualTo("pets one");

    stopGateway();
    startGateway();
    assertThat(call(api, "prod", "/pets").body()).isEqualTo("pets one");
    assertThat(admin.getDeployments(r -> r.restApiId(api)).items()).extracting(d -> d.description())
        .containsExactly("first");
    assertThat(admin.getStage(r -> r.restApiId(api).stageName("prod")).deploymentId()).isEqualTo(deployment.id());

    String stageArn = "arn:aws:apigateway:us-east-1::/restapis/" + api + "/stages/prod";
    admin.tagResource(r -> r.resourceArn(stageArn).tags(Map.of("team", "pets")));
    assertThat(admin.getTags(r -> r.resourceArn(stageArn)).tags()).containsOnly(Map.entry("team", "pets"));
    assertThat(admin.getStage(r -> r.restApiId(api).stageName("prod")).tags()).containsEntry("team", "pets");
  }

  @Test
  void aMergedDefinitionIsServedOnlyByLaterDeploymentsAndAnOverwriteReplacesIt() throws Exception {
    String api = importPets();
    String first = admin.createDeployment(r -> r.restApiId(api).stageName("prod")).id();

    admin.putRestApi(r -> r.restApiId(api).mode(PutMode.MERGE).body(SdkBytes.fromUtf8String(OWNERS)));
    assertThat(admin.getResources(r -> r.restApiId(api)).items()).extracting(r -> r.path())
        .contains("/pets", "/owners");
    assertThat(call(api, "prod", "/owners").statusCode()).isEqualTo(403);
    admin.createDeployment(r -> r.restApiId(api).stageName("prod"));
    assertThat(call(api, "prod", "/owners").body()).isEqualTo("owners");
    assertThat(call(api, "prod", "/pets").statusCode()).isEqualTo(200);

    admin.putRestApi(r -> r.restApiId(api).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(OWNERS)));
    assertThat(admin.getResources(r -> r.restApiId(api)).items()).extracting(r -> r.path())
        .containsExactlyInAnyOrder("/", "/owners");
    assertThat(call(api, "prod", "/pets").statusCode()).isEqualTo(200);

    admin.createStage(r -> r.restApiId(api).stageName("old").deploymentId(first));
    assertThat(call(api, "old", "/owners").statusCode()).isEqualTo(403);
    assertThat(call(api, "old", "/pets").statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> admin.createStage(r -> r.restApiId(api).stageName("old").deploymentId(first)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Stage already exists");
  }

  @Test
  void stagesChangeByPatchesAndACanaryIsPromoted() throws Exception {
    String api = importPets();
    admin.createDeployment(r -> r.restApiId(api).stageName("prod").variables(Map.of("release", "one")));

    UpdateStageResponse stage = admin.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        p -> p.op("replace").path("/variables/release").value("two"),
        p -> p.op("replace").path("/*/*/throttling/rateLimit").value("50"),
        p -> p.op("replace").path("/~1pets/GET/throttling/burstLimit").value("7"),
        p -> p.op("replace").path("/description").value("changed")));
    assertThat(stage.variables()).containsEntry("release", "two");
    assertThat(stage.methodSettings().get("*/*").throttlingRateLimit()).isEqualTo(50.0);
    assertThat(stage.methodSettings().get("pets/GET").throttlingBurstLimit()).isEqualTo(7);
    assertThat(call(api, "prod", "/pets").body()).isEqualTo("pets two");

    admin.putRestApi(r -> r.restApiId(api).mode(PutMode.MERGE).body(SdkBytes.fromUtf8String(OWNERS)));
    String canary = admin.createDeployment(r -> r.restApiId(api).stageName("prod")
        .canarySettings(c -> c.percentTraffic(100.0).stageVariableOverrides(Map.of("release", "three"))))
        .id();
    assertThat(call(api, "prod", "/owners").body()).isEqualTo("owners");
    assertThat(call(api, "prod", "/pets").body()).isEqualTo("pets three");

    stage = admin.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        p -> p.op("replace").path("/canarySettings/percentTraffic").value("0.0"),
        p -> p.op("copy").from("/canarySettings/stageVariableOverrides").path("/variables"),
        p -> p.op("copy").from("/canarySettings/deploymentId").path("/deploymentId")));
    assertThat(stage.deploymentId()).isEqualTo(canary);
    assertThat(stage.variables()).containsEntry("release", "three");
    assertThat(call(api, "prod", "/owners").body()).isEqualTo("owners");

    admin.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        p -> p.op("remove").path("/canarySettings")));
    assertThat(admin.getStage(r -> r.restApiId(api).stageName("prod")).canarySettings()).isNull();
    assertThatThrownBy(() -> admin.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        p -> p.op("copy").from("/canarySettings/deploymentId").path("/deploymentId"))))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).awsErrorDetails().errorMessage())
            .isEqualTo("Promotion not available. Canary does not exist."));
    assertThatThrownBy(() -> admin.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        p -> p.op("replace").path("/webAclArn").value("x")))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid patch path  '/webAclArn' specified for op 'replace'");
  }

  @Test
  void deploymentsStagesAndApisAreDeletedInTheOrderAwsAllows() throws Exception {
    String api = importPets();
    String deployment = admin.createDeployment(r -> r.restApiId(api).stageName("prod")).id();

    assertThatThrownBy(() -> admin.deleteDeployment(r -> r.restApiId(api).deploymentId(deployment)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Active stages pointing to this deployment must be moved or deleted");
    admin.deleteStage(r -> r.restApiId(api).stageName("prod"));
    assertThat(call(api, "prod", "/pets").statusCode()).isEqualTo(403);
    admin.deleteDeployment(r -> r.restApiId(api).deploymentId(deployment));
    assertThat(admin.getDeployments(r -> r.restApiId(api)).items()).isEmpty();

    admin.deleteRestApi(r -> r.restApiId(api));
    assertThatThrownBy(() -> admin.getRestApi(r -> r.restApiId(api))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void badDefinitionsAreRefusedWithTheirProblemsAndNothingChanges() throws Exception {
    Set<String> before = apiIds();
    assertThatThrownBy(() -> admin.importRestApi(r -> r.body(SdkBytes.fromUtf8String("{not json"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid OpenAPI input.");
    assertThatThrownBy(() -> admin.importRestApi(r -> r.body(SdkBytes.fromUtf8String("""
        openapi: 3.0.1
        info: {title: broken, version: "1"}
        paths:
          /a: {get: {x-amazon-apigateway-integration: {type: sideways}}}
          /b: {get: {x-amazon-apigateway-integration: {type: http_proxy}}}
        """)))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("/paths/~1a/get").hasMessageContaining("/paths/~1b/get");
    assertThat(apiIds()).isEqualTo(before);

    String api = importPets();
    assertThatThrownBy(() -> admin.createStage(r -> r.restApiId(api).stageName("x").deploymentId("nosuch")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Deployment id does not exist");
    assertThatThrownBy(() -> admin.createDeployment(r -> r.restApiId(api).stageName("prod")
        .canarySettings(c -> c.percentTraffic(10.0)))).isInstanceOf(BadRequestException.class);
    assertThat(admin.getDeployments(r -> r.restApiId(api)).items()).isEmpty();
  }

  @Test
  void aDomainNameMadeAtRunTimeRoutesItsMappingsToAnImportedApi() throws Exception {
    String api = importPets();
    admin.createDeployment(r -> r.restApiId(api).stageName("prod").variables(Map.of("release", "one")));

    CreateDomainNameResponse domain = admin.createDomainName(r -> r.domainName("api.example.com")
        .regionalCertificateArn("arn:aws:acm:us-east-1:123456789012:certificate/abc")
        .endpointConfiguration(e -> e.types(EndpointType.REGIONAL)));
    assertThat(domain.domainNameStatusAsString()).isEqualTo("AVAILABLE");
    assertThat(admin.createBasePathMapping(r -> r.domainName("api.example.com").basePath("pets").restApiId(api)
        .stage("prod")).basePath()).isEqualTo("pets");
    assertThat(onDomain("api.example.com", "/pets/pets").body()).isEqualTo("pets one");

    admin.updateBasePathMapping(r -> r.domainName("api.example.com").basePath("pets").patchOperations(
        p -> p.op("replace").path("/basePath").value("animals")));
    assertThat(onDomain("api.example.com", "/animals/pets").body()).isEqualTo("pets one");
    assertThatThrownBy(() -> admin.createBasePathMapping(r -> r.domainName("api.example.com").basePath("animals")
        .restApiId(api).stage("prod"))).isInstanceOf(ConflictException.class);

    admin.deleteBasePathMapping(r -> r.domainName("api.example.com").basePath("animals"));
    assertThat(onDomain("api.example.com", "/animals/pets").statusCode()).isEqualTo(403);
    admin.deleteDomainName(r -> r.domainName("api.example.com"));
    assertThat(admin.getDomainNames(r -> { }).items()).extracting(d -> d.domainName())
        .containsExactly("declared.example.com");
    assertThatThrownBy(() -> admin.createBasePathMapping(r -> r.domainName("declared.example.com")
        .restApiId(api).stage("prod"))).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Domain name declared.example.com is declared in");
    assertThatThrownBy(() -> admin.createDomainName(r -> r.domainName("declared.example.com")))
        .isInstanceOf(ConflictException.class);
  }

  private HttpResponse<String> onDomain(String host, String path) throws Exception {
    return Http.send(HttpRequest.newBuilder(gateway.uri(path)).header("Host", host).build());
  }

  @Test
  void theDeclaredApiIsReadOnly() {
    assertThatThrownBy(() -> admin.createDeployment(r -> r.restApiId("declared01").stageName("prod")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("REST API declared01 is declared in " + config);
    assertThatThrownBy(() -> admin.deleteRestApi(r -> r.restApiId("declared01")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("read-only");
    assertThat(admin.getRestApi(r -> r.restApiId("declared01")).name()).isEqualTo("pets");
  }

  private Set<String> apiIds() {
    Set<String> ids = new HashSet<>();
    admin.getRestApis(r -> { }).items().forEach(api -> ids.add(api.id()));
    return ids;
  }
}
