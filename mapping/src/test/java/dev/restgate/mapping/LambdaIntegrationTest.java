package dev.restgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.ScriptedLambdaModule;
import dev.restgate.testing.ServiceFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda non-proxy integration through the running gateway: the function gets the rendered template, and a
 * function error's {@code errorMessage} selects the integration response (success → 200, mapped errors → their
 * status, unmapped errors → the default response, as on AWS).
 */
class LambdaIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> EVENTS = new CopyOnWriteArrayList<>();
  private static final BlockingQueue<String> JOBS = new LinkedBlockingQueue<>();
  private static final CountDownLatch RELEASE_JOB = new CountDownLatch(1);
  private static final String URI_PREFIX =
      "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:";
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: lambda, version: "1"}
      paths:
        /pets/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200": {description: ok}
              "400": {description: bad}
              "404": {description: missing}
            x-amazon-apigateway-integration:
              type: aws
              httpMethod: POST
              uri: "URI_PREFIXpetsnonproxy/invocations"
              requestTemplates:
                application/json: '{"petId": "$input.params(''id'')", "stage": "$context.stage"}'
              responses:
                ".*Not found.*":
                  statusCode: "404"
                  responseTemplates:
                    application/json: '{"error": "$input.path(''$.errorMessage'')"}'
                "Invalid.*":
                  statusCode: "400"
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"name": "$input.path(''$.name'')"}'
        /jobs:
          post:
            responses:
              "200": {description: accepted}
            x-amazon-apigateway-integration:
              type: aws
              httpMethod: POST
              uri: "URI_PREFIXslowjob/invocations"
              requestParameters:
                integration.request.header.X-Amz-Invocation-Type: "'Event'"
              requestTemplates:
                application/json: '{"job": $input.json(''$.job'')}'
              responses:
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"queued": true, "requestId": "$context.requestId"}'
        /s3:
          get:
            responses:
              "200": {description: ok}
            x-amazon-apigateway-integration:
              type: aws
              httpMethod: GET
              uri: "arn:aws:apigateway:us-east-1:s3:path/bucket/key"
              responses:
                default: {statusCode: "200"}
      """.replace("URI_PREFIX", URI_PREFIX);

  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    ScriptedLambdaModule.register("petsnonproxy", invocation -> {
      JsonNode event;
      try {
        event = JSON.readTree(invocation.payload());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EVENTS.add(event);
      String id = event.path("petId").asText();
      String answer = switch (id) {
        case "7" -> "{\"name\":\"rex\"}";
        case "404" -> "{\"errorMessage\":\"Pet 404: Not found\",\"errorType\":\"NotFound\"}";
        case "bad" -> "{\"errorMessage\":\"Invalid id bad\",\"errorType\":\"Invalid\"}";
        default -> "{\"errorMessage\":\"Something else went wrong\",\"errorType\":\"Oops\"}";
      };
      return new LambdaInvoker.Result(answer.getBytes(StandardCharsets.UTF_8),
          answer.contains("errorMessage") ? "Unhandled" : null, "$LATEST", null);
    });
    ScriptedLambdaModule.register("slowjob", invocation -> {
      try {
        if (!RELEASE_JOB.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the job");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      JOBS.add(new String(invocation.payload(), StandardCharsets.UTF_8));
      return new LambdaInvoker.Result("null".getBytes(StandardCharsets.UTF_8), null, "$LATEST", null);
    });
    gateway = MappingGateways.start(dir, "lambdanp01", OPENAPI, Map.of(), ServiceFixtures.loader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static URI uri(String path) {
    return gateway.userRequest("lambdanp01", "prod", path);
  }

  @Test
  void theFunctionGetsTheRenderedTemplateAndItsAnswerTheResponseTemplate() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/pets/7")).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"name\": \"rex\"}");
    assertThat(EVENTS).contains(JSON.readTree("{\"petId\":\"7\",\"stage\":\"prod\"}"));
  }

  @Test
  void functionErrorsAreSelectedByTheirErrorMessage() throws Exception {
    HttpResponse<String> missing = Http.send(HttpRequest.newBuilder(uri("/pets/404")).build());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"error\": \"Pet 404: Not found\"}");

    HttpResponse<String> invalid = Http.send(HttpRequest.newBuilder(uri("/pets/bad")).build());
    assertThat(invalid.statusCode()).isEqualTo(400);
  }

  @Test
  void anUnmappedFunctionErrorTakesTheDefaultResponse() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/pets/other")).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"name\": \"\"}");
  }

  @Test
  void anEventInvocationAnswersAtOnceAndTheFunctionRunsAfterwards() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/jobs"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"job\": {\"id\": 9}}"))
        .header("Content-Type", "application/json").build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"queued\": true, \"requestId\": \"");
    assertThat(JOBS).isEmpty();

    RELEASE_JOB.countDown();
    assertThat(JOBS.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"job\": {\"id\":9}}");
  }

  @Test
  void awsServicesOtherThanLambdaAnswer500() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/s3")).build());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }
}
