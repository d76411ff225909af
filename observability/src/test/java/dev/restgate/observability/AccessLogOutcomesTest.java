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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access log lines of the outcomes other modules decide, field by field: a throttled request, a Lambda authorizer's
 * refusal, an integration timeout, and a path no method of the stage serves.
 */
class AccessLogOutcomesTest {
  private static final String FORMAT = "$context.requestId $context.status \"$context.error.message\" "
      + "$context.error.responseType $context.authorizer.principalId $context.integrationStatus "
      + "$context.resourcePath $context.responseLength";
  private static final String API = "outcomes01";
  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;
  private static Path log;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    Files.writeString(dir.resolve("api.yaml"), """
        openapi: 3.0.1
        info: {title: outcomes, version: "1"}
        components:
          securitySchemes:
            token:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: token
                authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:deny/invocations
        paths:
          /open:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses: {default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}}
          /guarded:
            get:
              security: [{token: []}]
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses: {default: {statusCode: "200"}}
          /slow:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "${stageVariables.backend}/slow"
                timeoutInMillis: 200
        """);
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: %s
            body: api.yaml
            stages:
              - stageName: prod
                variables: {backend: "%s"}
                methodSettings: {"open/GET": {throttlingRateLimit: 0.001, throttlingBurstLimit: 1}}
                accessLogSettings:
                  destinationArn: arn:aws:logs:us-east-1:123456789012:log-group:outcomes
                  format: '%s'
        """.formatted(API, backend.url(), FORMAT));
    log = dir.resolve("data").resolve("logs").resolve("outcomes.log");
    gateway = EmbeddedGateway.start(ConfigLoader.standard(AccessLogOutcomesTest.class.getClassLoader())
        .load(config), dir.resolve("data"), AccessLogOutcomesTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return Http.get(gateway.userRequest(API, "prod", path), headers);
  }

  /** The line naming the request {@code response} answered, waiting up to five seconds. */
  private static String lineOf(HttpResponse<String> response) throws Exception {
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith(requestId + " ")) {
            return line;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line for " + requestId + " in " + log);
  }

  private static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
  }

  @Test
  void aThrottledRequest() throws Exception {
    HttpResponse<String> first = get("/open");
    HttpResponse<String> throttled = get("/open");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(throttled.statusCode()).isEqualTo(429);

    assertThat(lineOf(first)).isEqualTo(requestId(first) + " 200 \"-\" - - 200 /open " + first.body().length());
    assertThat(lineOf(throttled)).isEqualTo(requestId(throttled) + " 429 \"Too Many Requests\" THROTTLED - - /open "
        + throttled.body().length());
  }

  @Test
  void anAuthorizersRefusal() throws Exception {
    HttpResponse<String> denied = get("/guarded", "Authorization", "token-of-mallory");
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);

    assertThat(lineOf(denied)).isEqualTo(requestId(denied) + " 403 \"User is not authorized to access this "
        + "resource with an explicit deny\" ACCESS_DENIED - - /guarded " + denied.body().length());
  }

  @Test
  void aPathNoMethodServes() throws Exception {
    HttpResponse<String> missing = get("/nothing/here");
    assertThat(missing.statusCode()).isEqualTo(403);

    assertThat(lineOf(missing)).isEqualTo(requestId(missing) + " 403 \"Missing Authentication Token\" "
        + "MISSING_AUTHENTICATION_TOKEN - - - " + missing.body().length());
  }

  @Test
  void anIntegrationTimeout() throws Exception {
    HttpResponse<String> timedOut = get("/slow");
    assertThat(timedOut.statusCode()).isEqualTo(504);

    assertThat(lineOf(timedOut)).matches(Pattern.quote(requestId(timedOut) + " 504 \"Endpoint request timed out\" "
        + "INTEGRATION_TIMEOUT - - /slow " + timedOut.body().length()));
  }
}
