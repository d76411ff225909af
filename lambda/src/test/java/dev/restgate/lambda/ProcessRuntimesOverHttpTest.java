package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.TestApis;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Worker-process functions of every runtime behind {@code AWS_PROXY} routes and the Invoke API, over real HTTP: the
 * example function's deployable jar on AWS's Java runtime interface client, a shell custom runtime, a Python handler
 * (on the gateway's own Python client unless {@code awslambdaric} is installed), a package bundling a stand-in
 * {@code awslambdaric}, which the gateway then runs instead, and a Node.js handler on AWS's {@code aws-lambda-ric}
 * installed where {@value #NODE_CLIENT} says.
 */
class ProcessRuntimesOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "runtimes01";
  /** The directory {@code npm install aws-lambda-ric} ran in; .ci/run sets it. */
  private static final String NODE_CLIENT = "RESTGATE_TEST_NODE_RIC";
  private static final String NODE_CLIENT_DIRECTORY = System.getenv(NODE_CLIENT);
  private static EmbeddedGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    List<FunctionConfig> functions = new ArrayList<>(List.of(
        new FunctionConfig("hello", "dev.restgate.examples.hello.HelloHandler", Fixtures.get().helloJar, 10, 256,
            Map.of(), "java21", Isolation.PROCESS, 2, null),
        new FunctionConfig("shell", "function.handler", Fixtures.runtimes().resolve("shell"), 10, 128, Map.of(),
            "provided", Isolation.PROCESS, 2, null),
        new FunctionConfig("python", "app.handler", Fixtures.runtimes().resolve("python"), 10, 128,
            Map.of("TABLE_NAME", "pets"), "python3.11", Isolation.PROCESS, 2, null),
        new FunctionConfig("bundled-ric", "app.handler", Fixtures.runtimes().resolve("python-awslambdaric"), 10,
            128, Map.of(), "python3.12", Isolation.PROCESS, 1, null)));
    if (nodeClientInstalled()) {
      functions.add(new FunctionConfig("node", "index.handler", Fixtures.runtimes().resolve("node"), 10, 128,
          Map.of("TABLE_NAME", "pets"), "nodejs20.x", Isolation.PROCESS, 2, null));
    }
    RestApi api = TestApis.api(API)
        .method("/shell", "GET", TestApis.lambdaProxy("shell"))
        .method("/python/{name}", "GET", TestApis.lambdaProxy("python"))
        .method("/node/{name}", "GET", TestApis.lambdaProxy("node"))
        .build();
    GatewayConfig config = GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(new Deployment("dep001", null, Instant.EPOCH, api)),
            List.of(new Stage("prod", "dep001", null, Map.of(), null, null, null, null, null, null, null))))
        .section(LambdaConfig.class, new LambdaConfig(null, null, null, functions, false, null, null, null,
            nodeClientInstalled() ? Path.of(NODE_CLIENT_DIRECTORY) : null, false))
        .build();
    gateway = EmbeddedGateway.start(config, data);
    lambda = LocalFunctionTests.lambdaClient(gateway);
  }

  @AfterAll
  static void stop() throws Exception {
    lambda.close();
    gateway.close();
  }

  private static boolean nodeClientInstalled() {
    return NODE_CLIENT_DIRECTORY != null
        && Files.isRegularFile(Path.of(NODE_CLIENT_DIRECTORY, "node_modules/aws-lambda-ric/bin/index.mjs"));
  }

  @Test
  void shellCustomRuntimeAnswersAnAwsProxyRoute() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "prod", "/shell"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("handled by function.handler in AWS_Lambda_provided");
  }

  @Test
  void deployedJavaJarRunsOnAwsJavaRuntimeOverTheInvokeApi() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r.functionName("hello")
        .payload(SdkBytes.fromUtf8String("{\"httpMethod\":\"GET\",\"path\":\"/hi\",\"queryStringParameters\":"
            + "{\"name\":\"Ada\"}}")));

    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    JsonNode proxyResponse = JSON.readTree(response.payload().asByteArray());
    assertThat(proxyResponse.path("statusCode").asInt()).isEqualTo(200);
    assertThat(JSON.readTree(proxyResponse.path("body").asText()).path("greeting").asText())
        .isEqualTo("Hello, Ada!");
  }

  @Test
  void pythonHandlerAnswersAnAwsProxyRouteAndTheInvokeApi() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "prod", "/python/ada"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("path").asText()).isEqualTo("/python/ada");
    assertThat(body.path("table").asText()).isEqualTo("pets");
    InvokeResponse invoked = lambda.invoke(r -> r.functionName("python")
        .payload(SdkBytes.fromUtf8String("{\"path\":\"/direct\"}")));
    assertThat(JSON.readTree(JSON.readTree(invoked.payload().asByteArray()).path("body").asText())
        .path("function").asText()).isEqualTo("python");
  }

  @Test
  void packageThatBundlesAwslambdaricRunsOnIt() throws Exception {
    InvokeResponse invoked = lambda.invoke(r -> r.functionName("bundled-ric").payload(SdkBytes.fromUtf8String("{}")));

    assertThat(invoked.functionError()).as(invoked.payload().asUtf8String()).isNull();
    assertThat(JSON.readTree(invoked.payload().asByteArray()))
        .isEqualTo(JSON.readTree("{\"client\":\"awslambdaric\",\"handler\":\"app.handler\"}"));
  }

  @Test
  void nodeHandlerAnswersAnAwsProxyRouteAndTheInvokeApi() throws Exception {
    assumeTrue(NODE_CLIENT_DIRECTORY != null, NODE_CLIENT + " is not set to a directory where `npm install "
        + "aws-lambda-ric` ran; .ci/run sets it");
    assertThat(nodeClientInstalled()).as(NODE_CLIENT + "=" + NODE_CLIENT_DIRECTORY + " holds no "
        + "node_modules/aws-lambda-ric: run `npm install aws-lambda-ric@3.3.0` there").isTrue();

    HttpResponse<String> response = Http.get(gateway.userRequest(API, "prod", "/node/ada"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("path").asText()).isEqualTo("/node/ada");
    assertThat(body.path("table").asText()).isEqualTo("pets");
    assertThat(body.path("remaining").asLong()).isBetween(1L, 10_000L);
    InvokeResponse invoked = lambda.invoke(r -> r.functionName("node")
        .payload(SdkBytes.fromUtf8String("{\"path\":\"/direct\"}")));
    assertThat(invoked.functionError()).as(invoked.payload().asUtf8String()).isNull();
    assertThat(JSON.readTree(JSON.readTree(invoked.payload().asByteArray()).path("body").asText())
        .path("function").asText()).isEqualTo("node");
  }
}
