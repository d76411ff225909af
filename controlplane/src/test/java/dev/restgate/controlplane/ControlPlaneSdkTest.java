package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.config.ConfigLoader;
import dev.restgate.spi.StageCaches;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;

/**
 * The management API driven by the real AWS SDK for Java v2 {@code ApiGatewayClient} with an endpoint override,
 * signed by configured identities: what the configuration declares reads back in AWS's shapes, a stage cache
 * flushes, and unsigned, unauthorized and unsupported calls are refused as AWS refuses them.
 */
class ControlPlaneSdkTest {
  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;
  private static ApiGatewayClient admin;
  private static ApiGatewayClient reader;
  private static Path config;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("pets.yaml"), """
        openapi: 3.0.1
        info: {title: pets, version: "2.1", description: the pet store}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
        paths:
          /pets:
            get:
              parameters: [{name: type, in: query, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "${stageVariables.backend}/pets"
                cacheKeyParameters: [method.request.querystring.type]
          /status:
            get:
              responses: {"200": {description: ok}, "400": {description: bad}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses:
                  default: {statusCode: "200"}
                  '4\\d{2}': {statusCode: "400"}
          /orders:
            get:
              security: [{api_key: []}]
              x-amazon-apigateway-integration:
                {type: http_proxy, httpMethod: GET, uri: "${stageVariables.backend}/orders"}
          /pets/{petId}:
            delete:
              parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: DELETE
                uri: "${stageVariables.backend}/pets/{petId}"
                requestParameters: {integration.request.path.petId: method.request.path.petId}
        """);
    config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: petstore01
            body: pets.yaml
            stages:
              - {stageName: prod, cacheClusterEnabled: true, variables: {backend: "%1$s"}, tags: {team: pets}}
              - {stageName: beta, variables: {backend: "%1$s"}}
        domainNames:
          - domainName: api.example.com
            basePathMappings:
              - {basePath: pets, restApiId: petstore01, stage: prod}
              - {restApiId: petstore01, stage: beta}
        apiKeys:
          - {name: partner-a, value: partner-a-key-0123456789, customerId: acme, enabled: true}
          - {name: partner-b, value: partner-b-key-0123456789, enabled: true}
        usagePlans:
          - name: bronze
            apiStages: [{apiId: petstore01, stage: prod}]
            quota: {limit: 2, period: DAY}
          - name: silver
            apiStages: [{apiId: petstore01, stage: beta}]
        usagePlanKeys:
          - {usagePlanId: bronze, keyId: partner-a}
          - {usagePlanId: silver, keyId: partner-b}
        identities:
        %2$s  - accessKeyId: AKIAREADER0000000001
            secretAccessKey: reader-secret
            arn: arn:aws:iam::123456789012:user/reader
            policies:
              - Version: "2012-10-17"
                Statement: [{Effect: Allow, Action: "apigateway:GET", Resource: "arn:aws:apigateway:*::/*"}]
        """.formatted(backend.url(), Operators.OPERATOR));
    gateway = EmbeddedGateway.start(ConfigLoader.standard(ControlPlaneSdkTest.class.getClassLoader()).load(config),
        dir.resolve("data"), ControlPlaneSdkTest.class.getClassLoader());
    admin = client(Operators.ACCESS_KEY, Operators.SECRET);
    reader = client("AKIAREADER0000000001", "reader-secret");
  }

  private static ApiGatewayClient client(String accessKey, String secret) {
    return Operators.client(gateway.port(), accessKey, secret);
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    reader.close();
    gateway.close();
    backend.close();
  }

  @Test
  void theDeclaredApiReadsBackInAwsShapes() {
    assertThat(admin.getRestApis(r -> { }).items()).singleElement().satisfies(api -> {
      assertThat(api.id()).isEqualTo("petstore01");
      assertThat(api.name()).isEqualTo("pets");
      assertThat(api.version()).isEqualTo("2.1");
      assertThat(api.description()).isEqualTo("the pet store");
      assertThat(api.apiKeySourceAsString()).isEqualTo("HEADER");
    });

    GetRestApiResponse api = reader.getRestApi(r -> r.restApiId("petstore01"));
    GetResourcesResponse resources = reader.getResources(r -> r.restApiId("petstore01").embed("methods"));
    assertThat(resources.items()).extracting(Resource::path)
        .containsExactlyInAnyOrder("/", "/orders", "/pets", "/pets/{petId}", "/status");
    Resource root = resources.items().stream().filter(r -> r.path().equals("/")).findFirst().orElseThrow();
    assertThat(api.rootResourceId()).isEqualTo(root.id());
    Resource pets = resources.items().stream().filter(r -> r.path().equals("/pets")).findFirst().orElseThrow();
    assertThat(pets.parentId()).isEqualTo(root.id());
    assertThat(pets.pathPart()).isEqualTo("pets");
    assertThat(pets.resourceMethods().get("GET").requestParameters())
        .containsEntry("method.request.querystring.type", false);
    assertThat(pets.resourceMethods().get("GET").methodIntegration().cacheKeyParameters())
        .containsExactly("method.request.querystring.type");

    assertThat(reader.getResources(r -> r.restApiId("petstore01")).items())
        .filteredOn(r -> r.path().equals("/pets")).singleElement()
        .satisfies(r -> assertThat(r.resourceMethods().get("GET").httpMethod()).isNull());
    assertThat(reader.getMethod(r -> r.restApiId("petstore01").resourceId(pets.id()).httpMethod("get"))
        .authorizationType()).isEqualTo("NONE");
    assertThat(reader.getIntegration(r -> r.restApiId("petstore01").resourceId(pets.id()).httpMethod("GET")))
        .satisfies(integration -> {
          assertThat(integration.typeAsString()).isEqualTo("HTTP_PROXY");
          assertThat(integration.uri()).isEqualTo("${stageVariables.backend}/pets");
        });
  }

  @Test
  void integrationResponsesAreKeyedByStatusCodeAsInAwssResourceModel() {
    Resource status = reader.getResources(r -> r.restApiId("petstore01")).items().stream()
        .filter(r -> r.path().equals("/status")).findFirst().orElseThrow();
    var integration = reader.getIntegration(r -> r.restApiId("petstore01").resourceId(status.id()).httpMethod("GET"));

    assertThat(integration.integrationResponses()).containsOnlyKeys("200", "400");
    assertThat(integration.integrationResponses().get("200").selectionPattern()).isNull();
    assertThat(integration.integrationResponses().get("400").selectionPattern()).isEqualTo("4\\d{2}");
  }

  @Test
  void deploymentsAndStagesReadBack() {
    String deployment = reader.getDeployments(r -> r.restApiId("petstore01")).items().get(0).id();
    assertThat(reader.getDeployment(r -> r.restApiId("petstore01").deploymentId(deployment)).createdDate())
        .isNotNull();
    assertThat(reader.getStages(r -> r.restApiId("petstore01")).item())
        .extracting(s -> s.stageName()).containsExactly("prod", "beta");
    GetStageResponse prod = reader.getStage(r -> r.restApiId("petstore01").stageName("prod"));
    assertThat(prod.deploymentId()).isEqualTo(deployment);
    assertThat(prod.cacheClusterEnabled()).isTrue();
    assertThat(prod.cacheClusterStatusAsString()).isEqualTo("AVAILABLE");
    assertThat(prod.variables()).containsEntry("backend", backend.url());
  }

  @Test
  void keysPlansAndUsageReadBack() throws Exception {
    URI orders = gateway.userRequest("petstore01", "prod", "/orders");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(Http.get(orders, "x-api-key", "partner-a-key-0123456789").statusCode());
    }
    assertThat(statuses).containsExactly(200, 200, 429);
    backend.next();
    // The second answer came from the stage cache and still counted against the quota.
    backend.expectNoMoreRequests();

    var keys = reader.getApiKeys(r -> { }).items();
    assertThat(keys).extracting(k -> k.name()).containsExactly("partner-a", "partner-b");
    assertThat(keys).allSatisfy(k -> assertThat(k.value()).isNull());
    assertThat(reader.getApiKeys(r -> r.includeValues(true).customerId("acme")).items())
        .singleElement().satisfies(k -> assertThat(k.value()).isEqualTo("partner-a-key-0123456789"));
    String keyA = keys.get(0).id();
    assertThat(reader.getApiKey(r -> r.apiKey(keyA)).value()).isNull();
    assertThat(reader.getApiKey(r -> r.apiKey(keyA).includeValue(true)).enabled()).isTrue();

    var plans = reader.getUsagePlans(r -> r.keyId(keyA)).items();
    assertThat(plans).singleElement().satisfies(plan -> {
      assertThat(plan.name()).isEqualTo("bronze");
      assertThat(plan.quota().limit()).isEqualTo(2);
      assertThat(plan.apiStages().get(0).stage()).isEqualTo("prod");
    });
    String bronze = plans.get(0).id();
    assertThat(reader.getUsagePlanKeys(r -> r.usagePlanId(bronze)).items()).singleElement()
        .satisfies(k -> assertThat(k.value()).isEqualTo("partner-a-key-0123456789"));

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    var usage = reader.getUsage(r -> r.usagePlanId(bronze).startDate(today).endDate(today));
    assertThat(usage.items()).containsOnlyKeys(keyA);
    assertThat(usage.items().get(keyA)).containsExactly(List.of(2L, 0L));

    assertThatThrownBy(() -> admin.updateApiKey(r -> r.apiKey(keyA).patchOperations(p -> p.op("replace")
        .path("/enabled").value("false"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("API key " + keyA + " is declared in " + config + " and is read-only here");
    assertThatThrownBy(() -> reader.getApiKey(r -> r.apiKey("nosuchkey1")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid API Key identifier specified");
    assertThatThrownBy(() -> reader.getUsage(r -> r.usagePlanId(bronze).startDate(today).endDate("2020-01-01")))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void theAccountShowsTheAccountThrottle() {
    var account = reader.getAccount(r -> { });
    assertThat(account.throttleSettings().burstLimit()).isEqualTo(5000);
    assertThat(account.throttleSettings().rateLimit()).isEqualTo(10000.0);
    assertThat(account.features()).containsExactly("UsagePlans");
  }

  @Test
  void domainNamesMappingsAndTagsReadBack() {
    assertThat(reader.getDomainNames(r -> { }).items()).singleElement().satisfies(domain -> {
      assertThat(domain.domainName()).isEqualTo("api.example.com");
      assertThat(domain.domainNameStatusAsString()).isEqualTo("AVAILABLE");
    });
    assertThat(reader.getBasePathMappings(r -> r.domainName("api.example.com")).items())
        .extracting(m -> m.basePath() + " " + m.restApiId() + " " + m.stage())
        .containsExactly("pets petstore01 prod", "(none) petstore01 beta");
    assertThat(reader.getBasePathMapping(r -> r.domainName("api.example.com").basePath("(none)")).stage())
        .isEqualTo("beta");
    assertThatThrownBy(() -> reader.getDomainName(r -> r.domainName("www.example.com")))
        .isInstanceOf(NotFoundException.class);

    assertThat(reader.getTags(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/restapis/petstore01/stages/prod"))
        .tags()).containsExactly(Map.entry("team", "pets"));
    assertThat(reader.getTags(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/restapis/petstore01")).tags())
        .isEmpty();
  }

  @Test
  void listsArePagedWithPositionAndLimit() {
    var first = reader.getResources(r -> r.restApiId("petstore01").limit(3));
    assertThat(first.items()).hasSize(3);
    assertThat(first.position()).isNotNull();
    var second = reader.getResources(r -> r.restApiId("petstore01").limit(3).position(first.position()));
    assertThat(second.items()).hasSize(2);
    assertThat(second.position()).isNull();

    assertThatThrownBy(() -> reader.getResources(r -> r.restApiId("petstore01").limit(501)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("limit must be between 1 and 500");
  }

  @Test
  void flushStageCacheEmptiesTheStagesCache() throws Exception {
    StageCaches caches = gateway.gateway().service(StageCaches.class).orElseThrow();
    URI pets = gateway.userRequest("petstore01", "prod", "/pets?type=cat");
    Http.get(pets);
    backend.next();
    Http.get(pets);
    backend.expectNoMoreRequests();

    admin.flushStageCache(r -> r.restApiId("petstore01").stageName("prod"));
    admin.flushStageAuthorizersCache(r -> r.restApiId("petstore01").stageName("prod"));

    Http.get(pets);
    assertThat(backend.next().rawPath()).isEqualTo("/pets");
    assertThat(caches.statistics("petstore01", "prod").orElseThrow().hitCount()).isEqualTo(1);
  }

  @Test
  void callsAreRefusedAsAwsRefusesThem() throws Exception {
    HttpResponse<String> unsigned = Http.get(gateway.uri("/restapis"));
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

    assertThatThrownBy(() -> reader.flushStageCache(r -> r.restApiId("petstore01").stageName("prod")))
        .isInstanceOfSatisfying(ApiGatewayException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
          assertThat(e.getMessage()).contains("User: arn:aws:iam::123456789012:user/reader is not authorized to "
              + "perform: apigateway:DELETE on resource: arn:aws:apigateway:us-east-1::/restapis/petstore01/stages/"
              + "prod/cache/data");
        });
    assertThatThrownBy(() -> client("AKIAREADER0000000001", "wrong").getRestApis(r -> { }))
        .isInstanceOfSatisfying(ApiGatewayException.class, e -> assertThat(e.statusCode()).isEqualTo(403));

    assertThatThrownBy(() -> admin.getRestApi(r -> r.restApiId("nosuchapi1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Invalid API identifier specified 123456789012:nosuchapi1");
    assertThatThrownBy(() -> admin.deleteRestApi(r -> r.restApiId("petstore01")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("REST API petstore01 is declared in " + config + " and is read-only here");
    assertThatThrownBy(() -> admin.createApiKey(r -> r.name("developer")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("runs without a configuration file");
    assertThatThrownBy(() -> admin.createVpcLink(r -> r.name("link").targetArns("arn:aws:elasticloadbalancing:x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("does not serve POST /vpclinks");
  }

  @Test
  void invokeUrlsStillWin() throws Exception {
    HttpResponse<String> invoked = Http.send(HttpRequest.newBuilder(
        gateway.uri("/restapis/petstore01/beta/_user_request_/pets/7")).DELETE().build());

    assertThat(invoked.statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets/7");
  }
}
