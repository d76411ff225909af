package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.testing.TestStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The control plane driven by the AWS CLI against the standalone gateway, as an operator hands a developer a key:
 * create the key, put it in a usage plan, the developer calls until the quota answers 429, the usage reads back,
 * the key survives a restart of the process, and disabling it refuses it. An unsigned call is refused.
 */
class ControlPlaneCliIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String OPERATOR = "AKIAOPERATORCLI00001";
  private static final String SECRET = "operator-cli-secret";

  @Test
  void anOperatorHandsADeveloperAKeyWithTheAwsCli() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path directory = Files.createDirectories(ItSettings.dataRoot().resolve("control-plane-" + run));
    Path config = writeConfig(directory);
    Path data = directory.resolve("data");
    int port = FreePort.find();
    String keyId;
    String keyValue;
    try (TestBackend backend = TestBackend.start(ItSettings.backendPort());
        StandaloneProcess gateway = start(config, data, port)) {
      URI endpoint = gateway.baseUri();
      JsonNode key = aws(directory, endpoint, "create-api-key", "--name", "developer-" + run, "--enabled");
      keyId = key.path("id").asText();
      keyValue = key.path("value").asText();
      String plan = aws(directory, endpoint, "get-usage-plans").path("items").get(0).path("id").asText();
      aws(directory, endpoint, "create-usage-plan-key", "--usage-plan-id", plan, "--key-id", keyId, "--key-type",
          "API_KEY");

      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        statuses.add(call(endpoint, keyValue));
      }
      assertThat(statuses).containsExactly(200, 200, 429);
      assertThat(backend.requests()).isEqualTo(2);
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      JsonNode usage = aws(directory, endpoint, "get-usage", "--usage-plan-id", plan, "--start-date", today,
          "--end-date", today);
      assertThat(usage.at("/items/" + keyId + "/0/0").asLong()).isEqualTo(2);

      HttpResponse<String> unsigned = CLIENT.send(HttpRequest.newBuilder(endpoint.resolve("/apikeys")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode()).isEqualTo(403);
    }

    try (StandaloneProcess restarted = start(config, data, port)) {
      URI endpoint = restarted.baseUri();
      JsonNode kept = aws(directory, endpoint, "get-api-key", "--api-key", keyId, "--include-value");
      assertThat(kept.path("value").asText()).isEqualTo(keyValue);
      aws(directory, endpoint, "update-api-key", "--api-key", keyId, "--patch-operations",
          "op=replace,path=/enabled,value=false");
      assertThat(call(endpoint, keyValue)).isEqualTo(403);
    }
  }

  /**
   * An API imported and deployed with the AWS CLI on one node of a two-node cluster sharing PostgreSQL is served by
   * the other node within seconds, without a restart, and by both after a restart.
   */
  @Test
  void anApiImportedOnOneNodeIsServedByTheOtherOnPostgresql() throws Exception {
    String url = TestStores.postgresUrl();
    try (Connection db = DriverManager.getConnection(url, TestStores.POSTGRES_USER, null);
        Statement statement = db.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS restgate_managed_objects");
    }
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path directory = Files.createDirectories(ItSettings.dataRoot().resolve("control-plane-pg-" + run));
    Path config = writeConfig(directory, "store: {type: postgresql, url: \"" + url + "\", username: "
        + TestStores.POSTGRES_USER + "}\n");
    Path definition = Files.writeString(directory.resolve("pets.yaml"), """
        openapi: 3.0.1
        info: {title: pets, version: "1"}
        paths:
          /pets:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses: {default: {statusCode: "200", responseTemplates: {application/json: 'pets'}}}
        """);
    int portB = FreePort.find();
    String apiId;
    try (StandaloneProcess nodeA = start(config, directory.resolve("a"), FreePort.find());
        StandaloneProcess nodeB = start(config, directory.resolve("b"), portB)) {
      apiId = aws(directory, nodeA.baseUri(), "import-rest-api", "--body", "fileb://" + definition)
          .path("id").asText();
      aws(directory, nodeA.baseUri(), "create-deployment", "--rest-api-id", apiId, "--stage-name", "prod");
      assertThat(pets(nodeA.baseUri(), apiId).body()).isEqualTo("pets");

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      HttpResponse<String> fromB = pets(nodeB.baseUri(), apiId);
      while (fromB.statusCode() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        fromB = pets(nodeB.baseUri(), apiId);
      }
      assertThat(fromB.statusCode()).isEqualTo(200);
      assertThat(fromB.body()).isEqualTo("pets");
      assertThat(aws(directory, nodeB.baseUri(), "get-stages", "--rest-api-id", apiId).at("/item/0/stageName")
          .asText()).isEqualTo("prod");
    }
    try (StandaloneProcess restarted = start(config, directory.resolve("b"), portB)) {
      assertThat(pets(restarted.baseUri(), apiId).body()).isEqualTo("pets");
    }
  }

  /** With a management port, the AWS CLI reaches the control plane there and the public port answers 403. */
  @Test
  void aManagementPortKeepsTheControlPlaneOffThePublicListener() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path directory = Files.createDirectories(ItSettings.dataRoot().resolve("control-plane-port-" + run));
    int management = FreePort.find();
    Path config = writeConfig(directory, "controlPlane: {port: " + management + "}\n");
    try (StandaloneProcess gateway = StandaloneProcess.start("--config", config.toString(), "--port",
        String.valueOf(FreePort.find()), "--data", directory.resolve("data").toString(), "--management-port",
        String.valueOf(management)).awaitReady(START_TIMEOUT)) {
      assertThat(aws(directory, URI.create("http://127.0.0.1:" + management), "get-rest-apis")
          .at("/items/0/id").asText()).isEqualTo("cliapi0001");
      HttpResponse<String> publicPort = CLIENT.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/restapis"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(publicPort.statusCode()).isEqualTo(403);
      assertThat(publicPort.body()).contains("Missing Authentication Token");
    }
  }

  private static HttpResponse<String> pets(URI endpoint, String apiId) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(endpoint.resolve("/restapis/" + apiId + "/prod/_user_request_/pets"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static StandaloneProcess start(Path config, Path data, int port) {
    return StandaloneProcess.start("--config", config.toString(), "--port", String.valueOf(port), "--data",
        data.toString()).awaitReady(START_TIMEOUT);
  }

  private static int call(URI endpoint, String key) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(endpoint.resolve("/restapis/cliapi0001/prod/_user_request_/keyed"))
        .header("x-api-key", key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Runs {@code aws apigateway ...} as the operator, with no other AWS configuration; its JSON output. */
  private static JsonNode aws(Path directory, URI endpoint, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "apigateway"));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("AWS_ACCESS_KEY_ID", OPERATOR);
    environment.put("AWS_SECRET_ACCESS_KEY", SECRET);
    environment.put("AWS_CONFIG_FILE", directory.resolve("no-config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", directory.resolve("no-credentials").toString());
    environment.put("AWS_MAX_ATTEMPTS", "1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("This test runs the AWS CLI (`aws`): install it (apt-get install awscli, or "
          + "pip install awscli)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", arguments) + ": " + output).isZero();
    return output.isBlank() ? JSON.createObjectNode() : JSON.readTree(output);
  }

  private static Path writeConfig(Path directory) throws IOException {
    return writeConfig(directory, "");
  }

  private static Path writeConfig(Path directory, String more) throws IOException {
    Files.writeString(directory.resolve("openapi.yaml"), """
        openapi: 3.0.1
        info: {title: cli, version: "1"}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: x-api-key, in: header}
        paths:
          /keyed:
            get:
              security: [{api_key: []}]
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "%s/keyed"}
        """.formatted("http://127.0.0.1:" + ItSettings.backendPort()));
    return Files.writeString(directory.resolve("gateway.yaml"), """
        restApis:
          - {id: cliapi0001, body: openapi.yaml, stages: [{stageName: prod}]}
        usagePlans:
          - name: developers
            apiStages: [{apiId: cliapi0001, stage: prod}]
            quota: {limit: 2, period: DAY}
        identities:
          - accessKeyId: %s
            secretAccessKey: %s
            arn: arn:aws:iam::123456789012:user/operator
            policies:
              - Version: "2012-10-17"
                Statement: [{Effect: Allow, Action: "apigateway:*", Resource: "arn:aws:apigateway:*::/*"}]
        """.formatted(OPERATOR, SECRET) + more);
  }
}
