package dev.restgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access logs through the running gateway, in the four styles of AWS's console examples (CLF, JSON, XML, CSV),
 * checked field by field against the response the client got; a gateway error and a canary request too.
 */
class AccessLogTest {
  private static final String CLF = "$context.identity.sourceIp $context.identity.caller $context.identity.user "
      + "[$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status "
      + "$context.responseLength $context.requestId $context.extendedRequestId";
  private static final String JSON = "{ \"requestId\":\"$context.requestId\", \"ip\": \"$context.identity.sourceIp\","
      + " \"caller\":\"$context.identity.caller\", \"user\":\"$context.identity.user\", "
      + "\"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\", "
      + "\"resourcePath\":\"$context.resourcePath\", \"status\":\"$context.status\", "
      + "\"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\" }";
  private static final String XML = "<request id=\"$context.requestId\"> <ip>$context.identity.sourceIp</ip> "
      + "<caller>$context.identity.caller</caller> <user>$context.identity.user</user> "
      + "<requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> "
      + "<resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> "
      + "<protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>";
  private static final String CSV = "$context.identity.sourceIp,$context.identity.caller,$context.identity.user,"
      + "$context.requestTime,$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,"
      + "$context.responseLength,$context.requestId,$context.extendedRequestId";
  private static final String ERRORS = "$context.requestId $context.status \"$context.error.message\" "
      + "$context.error.responseType $context.responseLatency $context.isCanaryRequest";
  private static final String INTEGRATION = "$context.requestId $context.status $context.integrationStatus "
      + "$context.integration.status $context.integrationLatency $context.integration.latency";
  private static final Pattern REQUEST_TIME =
      Pattern.compile("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
  private static final String GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:";

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
          /items/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "${stageVariables.backend}/items/{id}"
                requestParameters: {integration.request.path.id: method.request.path.id}
          /status/{code}:
            get:
              parameters: [{name: code, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "${stageVariables.backend}/status/{code}"
                requestParameters: {integration.request.path.code: method.request.path.code}
          /broken:
            get:
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "http://127.0.0.1:9/x"}
        """);
    String stage = "{stageName: %s, variables: {backend: \"" + backend.url() + "\"}, "
        + "accessLogSettings: {format: '%s', destinationArn: \"" + GROUP + "%s\"}%s}";
    Path config = Files.writeString(dir.resolve("gateway.yaml"), "restApis:\n  - id: loggedapi1\n"
        + "    body: api.yaml\n    stages:\n"
        + "      - " + stage.formatted("clf", CLF, "/aws/api-gateway/clf", "") + "\n"
        + "      - " + stage.formatted("json", JSON, "json-logs", "") + "\n"
        + "      - " + stage.formatted("xml", XML, "xml-logs", "") + "\n"
        + "      - " + stage.formatted("csv", CSV, "csv-logs", "") + "\n"
        + "      - " + stage.formatted("errors", ERRORS, "errors", "") + "\n"
        + "      - " + stage.formatted("integration", INTEGRATION, "integration", "") + "\n"
        + "      - " + stage.formatted("canary", ERRORS, "canary",
            ", canarySettings: {percentTraffic: 100}") + "\n");
    logs = dir.resolve("data").resolve("logs");
    gateway = EmbeddedGateway.start(ConfigLoader.standard(AccessLogTest.class.getClassLoader()).load(config),
        dir.resolve("data"), AccessLogTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> get(String stage, String path) throws Exception {
    return Http.get(gateway.userRequest("loggedapi1", stage, path));
  }

  /** The last line of {@code file} once it holds one naming {@code requestId}, waiting up to five seconds. */
  private static String lineOf(Path file, HttpResponse<String> response) throws Exception {
    String requestId = requestId(response);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
          if (line.contains(requestId)) {
            return line;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line for " + requestId + " in " + file);
  }

  private static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
  }

  private static String extendedRequestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-amz-apigw-id").orElseThrow();
  }

  @Test
  void commonLogFormat() throws Exception {
    HttpResponse<String> response = get("clf", "/items/7");
    backend.next();

    String line = lineOf(logs.resolve("aws/api-gateway/clf.log"), response);
    String[] fields = line.split(" ");
    assertThat(fields[0]).isEqualTo("127.0.0.1");
    assertThat(fields[1]).isEqualTo("-");
    assertThat(fields[2]).isEqualTo("-");
    assertThat(line.substring(line.indexOf('[') + 1, line.indexOf(']'))).matches(REQUEST_TIME);
    assertThat(line).contains("\"GET /items/{id} HTTP/1.1\" 200 " + response.body().length() + " "
        + requestId(response) + " " + extendedRequestId(response));
    assertThat(line).endsWith(extendedRequestId(response));
  }

  @Test
  void json() throws Exception {
    HttpResponse<String> response = get("json", "/items/8");
    backend.next();

    String line = lineOf(logs.resolve("json-logs.log"), response);
    assertThat(line).startsWith("{ \"requestId\":\"" + requestId(response) + "\", \"ip\": \"127.0.0.1\", "
        + "\"caller\":\"-\", \"user\":\"-\", \"requestTime\":\"");
    assertThat(line).endsWith("\", \"httpMethod\":\"GET\", \"resourcePath\":\"/items/{id}\", \"status\":\"200\", "
        + "\"protocol\":\"HTTP/1.1\", \"responseLength\":\"" + response.body().length() + "\" }");
  }

  @Test
  void xml() throws Exception {
    HttpResponse<String> response = get("xml", "/items/9");
    backend.next();

    String line = lineOf(logs.resolve("xml-logs.log"), response);
    assertThat(line).startsWith("<request id=\"" + requestId(response) + "\"> <ip>127.0.0.1</ip> <caller>-</caller> "
        + "<user>-</user> <requestTime>");
    assertThat(line).endsWith("</requestTime> <httpMethod>GET</httpMethod> <resourcePath>/items/{id}</resourcePath> "
        + "<status>200</status> <protocol>HTTP/1.1</protocol> <responseLength>" + response.body().length()
        + "</responseLength> </request>");
  }

  @Test
  void csv() throws Exception {
    HttpResponse<String> response = get("csv", "/items/10");
    backend.next();

    String[] fields = lineOf(logs.resolve("csv-logs.log"), response).split(",");
    assertThat(fields).hasSize(11);
    assertThat(fields[3]).matches(REQUEST_TIME);
    assertThat(List.of(fields[0], fields[1], fields[2], fields[4], fields[5], fields[6], fields[7], fields[8],
        fields[9], fields[10])).containsExactly("127.0.0.1", "-", "-", "GET", "/items/{id}", "HTTP/1.1", "200",
        Integer.toString(response.body().length()), requestId(response), extendedRequestId(response));
  }

  @Test
  void aGatewayErrorIsLoggedAsTheClientGotIt() throws Exception {
    HttpResponse<String> response = get("errors", "/broken");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");

    String line = lineOf(logs.resolve("errors.log"), response);
    assertThat(line).matches(Pattern.quote(requestId(response) + " 504 \"Internal server error\" "
        + "INTEGRATION_FAILURE ") + "\\d+ -");
  }

  @Test
  void canaryRequestsGoToTheCanaryLog() throws Exception {
    HttpResponse<String> response = get("canary", "/items/11");
    backend.next();

    String line = lineOf(logs.resolve("canary/Canary.log"), response);
    assertThat(line).matches(Pattern.quote(requestId(response) + " 200 \"-\" - ") + "\\d+ true");
    assertThat(logs.resolve("canary.log")).doesNotExist();
  }

  @Test
  void theIntegrationsOwnStatusAndLatency() throws Exception {
    HttpResponse<String> answered = get("integration", "/status/418");
    backend.next();
    assertThat(answered.statusCode()).isEqualTo(418);
    assertThat(lineOf(logs.resolve("integration.log"), answered))
        .matches(Pattern.quote(requestId(answered) + " 418 418 418 ") + "(\\d+) \\1");

    HttpResponse<String> failed = get("integration", "/broken");
    assertThat(failed.statusCode()).isEqualTo(504);
    assertThat(lineOf(logs.resolve("integration.log"), failed))
        .as("an integration that failed has a latency and no status")
        .matches(Pattern.quote(requestId(failed) + " 504 - - ") + "(\\d+) \\1");
  }
}
