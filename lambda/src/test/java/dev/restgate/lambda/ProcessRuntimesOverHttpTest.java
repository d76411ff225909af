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
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Worker-process functions of every runtime behind {@code AWS_PROXY} routes and the Invoke API, over real HTTP: the
 * example function's deployable jar on AWS's Java runtime interface client, a shell custom runtime, and a Python
 * handler on {@code awslambdaric} when that can be installed here.
 */
class ProcessRuntimesOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "runtimes01";
  private static final String PYTHON_MISSING = "awslambdaric (AWS's Python runtime interface client) is not "
      + "installed and `python3 -m pip install awslambdaric` failed here; .ci/run installs it where PyPI is reachable";
  private static boolean python;
  private static EmbeddedGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    python = awslambdaricInstalled();
    List<FunctionConfig> functions = new ArrayList<>(List.of(
        new FunctionConfig("hello", "dev.restgate.examples.hello.HelloHandler", Fixtures.get().helloJar, 10, 256,
            Map.of(), "java21", Isolation.PROCESS, 2, null),
        new FunctionConfig("shell", "function.handler", Fixtures.runtimes().resolve("shell"), 10, 128, Map.of(),
            "provided", Isolation.PROCESS, 2, null)));
    if (python) {
      functions.add(new FunctionConfig("python", "app.handler", Fixtures.runtimes().resolve("python"), 10, 128,
          Map.of("TABLE_NAME", "pets"), "python3.11", Isolation.PROCESS, 2, null));
    }
    RestApi api = TestApis.api(API)
        .method("/shell", "GET", TestApis.lambdaProxy("shell"))
        .method("/python/{name}", "GET", TestApis.lambdaProxy("python"))
        .build();
    GatewayConfig config = GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(new Deployment("dep001", null, Instant.EPOCH, api)),
            List.of(new Stage("prod", "dep001", null, Map.of(), null, null, null, null, null, null, null))))
        .section(LambdaConfig.class, new LambdaConfig(null, null, null, functions, false, null, null))
        .build();
    gateway = EmbeddedGateway.start(config, data);
    lambda = LocalFunctionTests.lambdaClient(gateway);
  }

  @AfterAll
  static void stop() throws Exception {
    lambda.close();
    gateway.close();
  }

  /** Installs awslambdaric with pip when python3 cannot import it; false when that fails too. */
  private static boolean awslambdaricInstalled() throws IOException, InterruptedException {
    if (run("python3", "-c", "import awslambdaric")) {
      return true;
    }
    return run("python3", "-m", "pip", "install", "--retries", "0", "--timeout", "15", "awslambdaric==4.2.2")
        && run("python3", "-c", "import awslambdaric");
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
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
    assumeTrue(python, PYTHON_MISSING);
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
}
