package dev.restgate.lambdaproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.model.RestApi;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.ScriptedLambdaModule;
import dev.restgate.testing.ServiceFixtures;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS_PROXY end to end over real HTTP with a scripted function: the event a function sees (checklist §15 items 1–3
 * as Lambda observes them) and how its answers are validated (items 4–5).
 */
class LambdaProxyOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "lambdaprx1";
  private static final List<JsonNode> EVENTS = new CopyOnWriteArrayList<>();
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    ScriptedLambdaModule.register("recorder", invocation -> {
      try {
        EVENTS.add(JSON.readTree(invocation.payload()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      return ok("{\"statusCode\":200,\"body\":\"recorded\"}");
    });
    ScriptedLambdaModule.register("answer", invocation -> {
      try {
        JsonNode event = JSON.readTree(invocation.payload());
        return ok(event.path("queryStringParameters").path("reply").asText());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    ScriptedLambdaModule.register("crash", invocation -> new LambdaInvoker.Result(
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}".getBytes(
            StandardCharsets.UTF_8), "Unhandled", "$LATEST", null));
    ScriptedLambdaModule.register("slow", invocation -> {
      throw new LambdaInvokeException(LambdaInvokeException.Reason.TIMEOUT, "timed out", null);
    });
    RestApi api = TestApis.api(API)
        .method("/{proxy+}", "ANY", TestApis.lambdaProxy("recorder"))
        .method("/users/{email}", "GET", TestApis.lambdaProxy("recorder:live"))
        .method("/answer", "GET", TestApis.lambdaProxy("answer"))
        .method("/crash", "GET", TestApis.lambdaProxy("crash"))
        .method("/slow", "GET", TestApis.lambdaProxy("slow"))
        .method("/missing", "GET", TestApis.lambdaProxy("nosuchfunction"))
        .build();
    gateway = EmbeddedGateway.start(TestApis.config(api, "dev", Map.of("color", "green")), data,
        ServiceFixtures.loader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static LambdaInvoker.Result ok(String payload) {
    return new LambdaInvoker.Result(payload.getBytes(StandardCharsets.UTF_8), null, "$LATEST", null);
  }

  private static JsonNode lastEvent(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("recorded");
    return EVENTS.get(EVENTS.size() - 1);
  }

  @Test
  void greedyPathWithTrailingSlashAndMultiValueQuery() throws Exception {
    JsonNode event = lastEvent(Http.send(HttpRequest.newBuilder(
            gateway.uri("/dev/proxy-value/?price=10&price=20&name=a+b%2Bc"))
        .header("Host", API + ".execute-api.us-east-1.amazonaws.com")
        .header("tEsT-HEADeR", "aValUE")
        .build()));
    assertThat(event.get("resource").asText()).isEqualTo("/{proxy+}");
    assertThat(event.get("path").asText()).isEqualTo("/proxy-value/");
    assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(event.get("pathParameters")).isEqualTo(JSON.readTree("{\"proxy\":\"proxy-value\"}"));
    assertThat(event.get("queryStringParameters")).isEqualTo(JSON.readTree("{\"price\":\"20\",\"name\":\"a b+c\"}"));
    assertThat(event.get("multiValueQueryStringParameters"))
        .isEqualTo(JSON.readTree("{\"price\":[\"10\",\"20\"],\"name\":[\"a b+c\"]}"));
    assertThat(event.get("headers").get("tEsT-HEADeR").asText()).isEqualTo("aValUE");
    assertThat(event.get("stageVariables")).isEqualTo(JSON.readTree("{\"color\":\"green\"}"));
    JsonNode context = event.get("requestContext");
    assertThat(context.get("path").asText()).isEqualTo("/dev/proxy-value/");
    assertThat(context.get("stage").asText()).isEqualTo("dev");
    assertThat(context.get("apiId").asText()).isEqualTo(API);
    assertThat(context.get("domainName").asText()).isEqualTo(API + ".execute-api.us-east-1.amazonaws.com");
    assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(event.get("body").isNull()).isTrue();
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void encodedPathParameterReachesTheFunctionUndecoded() throws Exception {
    JsonNode event = lastEvent(Http.get(gateway.userRequest(API, "dev", "/users/test%2Balias@gmail.com")));
    assertThat(event.get("path").asText()).isEqualTo("/users/test%2Balias@gmail.com");
    assertThat(event.get("pathParameters").get("email").asText()).isEqualTo("test%2Balias@gmail.com");
    assertThat(event.get("queryStringParameters").isNull()).isTrue();
    assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
  }

  @Test
  void postBodyIsPassedAsText() throws Exception {
    JsonNode event = lastEvent(Http.send(HttpRequest.newBuilder(gateway.userRequest(API, "dev", "/orders"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}"))
        .header("Content-Type", "application/json")
        .build()));
    assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
    assertThat(event.get("body").asText()).isEqualTo("{\"qty\":2}");
  }

  @Test
  void malformedProxyAnswersBecome502() throws Exception {
    for (String reply : List.of("{\"statusCode\":200,\"wrongValue\":\"x\"}", "{\"statusCode\":\"test\"}",
        "\"justAString\"", "{\"statusCode\":200,\"multiValueHeaders\":{\"k\":\"notAList\"}}", "not json")) {
      HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
          gateway.userRequest(API, "dev", "/answer?reply=" + java.net.URLEncoder.encode(reply,
              StandardCharsets.UTF_8))).build());
      assertThat(response.statusCode()).as(reply).isEqualTo(502);
      assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }
  }

  @Test
  void missingStatusCodeMeans200AndStringStatusCodeIsAccepted() throws Exception {
    HttpResponse<String> noStatus = Http.get(gateway.userRequest(API, "dev",
        "/answer?reply=" + java.net.URLEncoder.encode("{\"headers\":{\"test-header\":\"value\"}}",
            StandardCharsets.UTF_8)));
    assertThat(noStatus.statusCode()).isEqualTo(200);
    assertThat(noStatus.body()).isEmpty();
    assertThat(noStatus.headers().firstValue("test-header")).hasValue("value");
    assertThat(noStatus.headers().firstValue("Content-Type")).hasValue("application/json");
    HttpResponse<String> created = Http.get(gateway.userRequest(API, "dev",
        "/answer?reply=" + java.net.URLEncoder.encode("{\"statusCode\":\"201\",\"body\":\"made\"}",
            StandardCharsets.UTF_8)));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("made");
  }

  @Test
  void multiValueHeadersComeFirstAndKeepTheirSpelling() throws Exception {
    String reply = "{\"statusCode\":200,\"headers\":{\"test-multi\":\"value-solo\"},"
        + "\"multiValueHeaders\":{\"tesT-Multi\":[\"value-multi\"],\"Set-Cookie\":[\"a=1\",\"b=2\"]}}";
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "dev",
        "/answer?reply=" + java.net.URLEncoder.encode(reply, StandardCharsets.UTF_8)));
    assertThat(response.headers().allValues("tesT-Multi")).containsExactly("value-multi", "value-solo");
    assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(response.headers().firstValue("X-Amzn-Trace-Id")).isPresent();
  }

  @Test
  void functionErrorsBecome502() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "dev", "/crash"));
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void invocationTimeoutBecomes504() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "dev", "/slow"));
    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
  }

  @Test
  void unknownFunctionBecomes500() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "dev", "/missing"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }
}
