package dev.restgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Execution logs through the running gateway: a request through a mapping template at {@code INFO} with data
 * trace, line by line in AWS's wording with the credentials masked; {@code INFO} without data trace; {@code ERROR}
 * keeping only failed requests.
 */
class ExecutionLogTest {
  private static final String API = "execlogs01";
  private static final String TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.secret-token-value-1234";
  private static final String API_KEY = "abcdefghijklmnopqrstuvwxyzAB9876";
  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;
  private static Path logs;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("api.yaml"), """
        openapi: 3.0.1
        info: {title: logged, version: "1"}
        paths:
          /pets/{id}:
            post:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: http
                httpMethod: POST
                uri: "${stageVariables.backend}/echo/pets"
                requestTemplates:
                  application/json: '{"id": "$input.params(''id'')", "name": $input.json(''$.name'')}'
                responses:
                  default:
                    statusCode: "200"
                    responseTemplates: {application/json: '{"saved": $input.json(''$.name'')}'}
          /down:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: http
                httpMethod: GET
                uri: "http://127.0.0.1:9/x"
                responses: {default: {statusCode: "200"}}
        """);
    String stage = "{stageName: %s, variables: {backend: \"" + backend.url() + "\"}, "
        + "methodSettings: {\"*/*\": %s}}";
    Path config = Files.writeString(dir.resolve("gateway.yaml"), "restApis:\n  - id: " + API + "\n"
        + "    body: api.yaml\n    stages:\n"
        + "      - " + stage.formatted("trace", "{loggingLevel: INFO, dataTraceEnabled: true}") + "\n"
        + "      - " + stage.formatted("info", "{loggingLevel: INFO}") + "\n"
        + "      - " + stage.formatted("errors", "{loggingLevel: ERROR}") + "\n"
        + "      - " + stage.formatted("off", "{loggingLevel: \"OFF\", dataTraceEnabled: true}") + "\n");
    logs = dir.resolve("data").resolve("logs");
    gateway = EmbeddedGateway.start(ConfigLoader.standard(ExecutionLogTest.class.getClassLoader()).load(config),
        dir.resolve("data"), ExecutionLogTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> post(String stage) throws Exception {
    return Http.send(HttpRequest.newBuilder(gateway.userRequest(API, stage, "/pets/7?debug=yes"))
        .header("Content-Type", "application/json").header("Authorization", TOKEN).header("x-api-key", API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Rex\", \"kind\": \"dog\"}")).build());
  }

  /** The messages logged for the request {@code response} answered, once its last line is there. */
  private static List<String> messages(String stage, HttpResponse<String> response) throws Exception {
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    Path file = logs.resolve("API-Gateway-Execution-Logs_" + API).resolve(stage + ".log");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.contains(" (" + requestId + ") "))
            .map(l -> l.substring(l.indexOf(") ") + 2)).toList();
        if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("Method completed with status: ")) {
          return lines;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no complete execution log for " + requestId + " in " + file);
  }

  @Test
  void infoWithDataTraceShowsTheRequestThroughItsMappingTemplatesWithCredentialsMasked() throws Exception {
    HttpResponse<String> response = post("trace");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"saved\": \"Rex\"}");
    backend.next();

    List<String> lines = messages("trace", response);
    String endpoint = backend.url() + "/echo/pets";
    assertThat(lines.get(0)).isEqualTo("Extended Request Id: "
        + response.headers().firstValue("x-amz-apigw-id").orElseThrow());
    assertThat(lines.get(1)).isEqualTo("Starting execution for request: "
        + response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(lines.subList(2, 5)).containsExactly(
        "HTTP Method: POST, Resource Path: /pets/7",
        "Method request path: {id=7}",
        "Method request query string: {debug=yes}");
    assertThat(lines.get(5)).startsWith("Method request headers: {")
        .contains("Authorization=" + "*".repeat(TOKEN.length() - 4) + "1234")
        .contains("x-api-key=" + "*".repeat(API_KEY.length() - 4) + "9876")
        .contains("Content-Type=application/json")
        .doesNotContain("secret-token").doesNotContain("abcdefgh");
    assertThat(lines.subList(6, 9)).containsExactly(
        "Method request body before transformations: {\"name\": \"Rex\", \"kind\": \"dog\"}",
        "Endpoint request URI: " + endpoint,
        lines.get(8));
    assertThat(lines.get(8)).startsWith("Endpoint request headers: {").doesNotContain("secret-token");
    assertThat(lines.subList(9, 11)).containsExactly(
        "Endpoint request body after transformations: {\"id\": \"7\", \"name\": \"Rex\"}",
        "Sending request to " + endpoint);
    assertThat(lines.get(11)).matches("Received response\\. Status: 200, Integration latency: \\d+ ms");
    assertThat(lines.get(12)).startsWith("Endpoint response headers: {").contains("Content-Type=application/json");
    assertThat(lines.subList(13, lines.size())).containsExactly(
        "Endpoint response body before transformations: {\"id\": \"7\", \"name\": \"Rex\"}",
        "Method response body after transformations: {\"saved\": \"Rex\"}",
        lines.get(15),
        "Successfully completed execution",
        "Method completed with status: 200");
    assertThat(lines.get(15)).startsWith("Method response headers: {").contains("Content-Type=application/json");
  }

  @Test
  void infoWithoutDataTraceShowsTheCourseButNoData() throws Exception {
    HttpResponse<String> response = post("info");
    backend.next();

    List<String> lines = messages("info", response);
    assertThat(lines.subList(2, 5)).containsExactly(
        "HTTP Method: POST, Resource Path: /pets/7",
        "Endpoint request URI: " + backend.url() + "/echo/pets",
        "Sending request to " + backend.url() + "/echo/pets");
    assertThat(lines.get(5)).matches("Received response\\. Status: 200, Integration latency: \\d+ ms");
    assertThat(lines.subList(6, lines.size())).containsExactly(
        "Successfully completed execution",
        "Method completed with status: 200");
  }

  @Test
  void errorLevelKeepsOnlyFailedRequests() throws Exception {
    HttpResponse<String> fine = post("errors");
    backend.next();
    HttpResponse<String> failed = Http.get(gateway.userRequest(API, "errors", "/down"));
    assertThat(failed.statusCode()).isEqualTo(504);

    List<String> lines = messages("errors", failed);
    assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly(
        "Sending request to http://127.0.0.1:9/x",
        "Execution failed due to an integration failure: Internal server error",
        "Gateway response type: INTEGRATION_FAILURE with status code: 504",
        "Method completed with status: 504");
    String fineId = fine.headers().firstValue("x-amzn-RequestId").orElseThrow();
    assertThat(Files.readString(logs.resolve("API-Gateway-Execution-Logs_" + API).resolve("errors.log")))
        .doesNotContain(fineId);
  }

  @Test
  void levelOffWritesNothing() throws Exception {
    post("off");
    backend.next();
    HttpResponse<String> second = post("info");
    backend.next();

    // The "info" stage's line shows the writer has caught up with both requests.
    messages("info", second);
    assertThat(logs.resolve("API-Gateway-Execution-Logs_" + API).resolve("off.log")).doesNotExist();
  }
}
