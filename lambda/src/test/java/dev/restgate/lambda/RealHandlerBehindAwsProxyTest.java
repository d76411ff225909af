package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.aliased;
import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.lambda;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.GatewayConfig;
import dev.restgate.config.ApiConfig;
import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example function, a handler written against the official {@code APIGatewayProxyRequestEvent} and
 * {@code APIGatewayProxyResponseEvent} and loaded from its deployable jar, served unchanged behind AWS_PROXY routes
 * through the servlet filter, over real HTTP.
 */
class RealHandlerBehindAwsProxyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "realhandlr";
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    RestApi api = TestApis.api(API)
        .method("/hello/{name}", "GET", TestApis.lambdaProxy("hello"))
        .method("/echo/{proxy+}", "ANY", TestApis.lambdaProxy("hello:${stageVariables.alias}"))
        .build();
    Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, api);
    Stage stage = new Stage("prod", "dep001", null, Map.of("alias", "live", "color", "blue"), null, null, null, null,
        null, null, null);
    GatewayConfig config = GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(deployment), List.of(stage)))
        .section(LambdaConfig.class,
            lambda(aliased(function("hello", "dev.restgate.examples.hello.HelloHandler", Fixtures.get().helloJar),
                "live")))
        .build();
    gateway = EmbeddedGateway.start(config, data);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  private static JsonNode echo(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  void pathParameterRoute() throws Exception {
    JsonNode echo = echo(Http.get(gateway.userRequest(API, "prod", "/hello/Ada")));
    assertThat(echo.get("greeting").asText()).isEqualTo("Hello, Ada!");
    assertThat(echo.get("resource").asText()).isEqualTo("/hello/{name}");
    assertThat(echo.get("path").asText()).isEqualTo("/hello/Ada");
    assertThat(echo.get("stage").asText()).isEqualTo("prod");
    assertThat(echo.get("requestPath").asText()).isEqualTo("/prod/hello/Ada");
    assertThat(echo.get("stageVariables")).isEqualTo(JSON.readTree("{\"alias\":\"live\",\"color\":\"blue\"}"));
    assertThat(echo.get("query").isNull()).isTrue();
  }

  @Test
  void greedyEncodedPathMultiValueQueryAndHeaders() throws Exception {
    JsonNode echo = echo(Http.send(HttpRequest.newBuilder(
            gateway.uri("/prod/echo/users/test%2Balias@gmail.com/files//a.txt/?tag=x&tag=y&name=Bo+b"))
        .header("Host", API + ".execute-api.eu-west-1.amazonaws.com")
        .header("X-Multi", "one")
        .header("X-Multi", "two")
        .method("DELETE", HttpRequest.BodyPublishers.noBody())
        .build()));
    assertThat(echo.get("method").asText()).isEqualTo("DELETE");
    assertThat(echo.get("resource").asText()).isEqualTo("/echo/{proxy+}");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/users/test%2Balias@gmail.com/files//a.txt/");
    assertThat(echo.get("pathParameters").get("proxy").asText())
        .isEqualTo("users/test%2Balias@gmail.com/files//a.txt");
    assertThat(echo.get("query")).isEqualTo(JSON.readTree("{\"tag\":\"y\",\"name\":\"Bo b\"}"));
    assertThat(echo.get("multiValueQuery")).isEqualTo(JSON.readTree("{\"tag\":[\"x\",\"y\"],\"name\":[\"Bo b\"]}"));
    assertThat(echo.get("multiValueHeaders").get("X-Multi")).isEqualTo(JSON.readTree("[\"one\",\"two\"]"));
    assertThat(echo.get("headers").get("X-Multi").asText()).isEqualTo("two");
    assertThat(echo.get("greeting").asText()).isEqualTo("Hello, Bo b!");
  }

  @Test
  void postBodyReachesTheHandler() throws Exception {
    JsonNode echo = echo(Http.send(HttpRequest.newBuilder(gateway.userRequest(API, "prod", "/echo/orders"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":3}"))
        .header("Content-Type", "application/json")
        .build()));
    assertThat(echo.get("body").asText()).isEqualTo("{\"qty\":3}");
  }
}
