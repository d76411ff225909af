package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.TestApis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local functions behind {@code responseTransferMode: STREAM} routes, over real HTTP: a custom runtime streaming
 * through the Runtime API's streaming mode in a worker process, and an in-process {@code RequestStreamHandler}. Each
 * function writes its first event, then waits for a file the test creates only once its client has read that event:
 * the first event reaches the client before the function has finished.
 */
class StreamingFunctionsTest {
  private static final String API = "streamfn01";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  /** The directory {@code npm install aws-lambda-ric} ran in; .ci/run sets it. */
  private static final String NODE_CLIENT = "RESTGATE_TEST_NODE_RIC";
  private static final String NODE_CLIENT_DIRECTORY = System.getenv(NODE_CLIENT);
  private static EmbeddedGateway gateway;
  private static Path shellGate;
  private static Path nodeGate;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    shellGate = Files.createDirectory(data.resolve("shell-gate"));
    nodeGate = Files.createDirectory(data.resolve("node-gate"));
    List<FunctionConfig> functions = new ArrayList<>(List.of(
        new FunctionConfig("shellstream", "function.handler", Fixtures.runtimes().resolve("streaming"), 30, 128,
            Map.of("GATE", shellGate.toString()), "provided.al2023", Isolation.PROCESS, 2, null),
        new FunctionConfig("javastream", "fixture.Streamer", Fixtures.get().classesDirectory, 30, 256, Map.of(),
            "java21", Isolation.IN_PROCESS, 2, null),
        new FunctionConfig("javastall", "fixture.Streamer", Fixtures.get().classesDirectory, 2, 256, Map.of(),
            "java21", Isolation.IN_PROCESS, 2, null)));
    if (nodeClientInstalled()) {
      functions.add(new FunctionConfig("nodestream", "index.handler", Fixtures.runtimes().resolve("node-stream"), 30,
          128, Map.of("GATE", nodeGate.toString()), "nodejs20.x", Isolation.PROCESS, 2, null));
    }
    RestApi api = TestApis.api(API)
        .method("/shell", "GET", TestApis.lambdaStreamingProxy("shellstream"))
        .method("/java", "GET", TestApis.lambdaStreamingProxy("javastream"))
        .method("/stall", "GET", TestApis.lambdaStreamingProxy("javastall"))
        .method("/buffered", "GET", TestApis.lambdaProxy("shellstream"))
        .method("/node", "GET", TestApis.lambdaStreamingProxy("nodestream"))
        .build();
    GatewayConfig config = GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(new Deployment("dep001", null, Instant.EPOCH, api)),
            List.of(new Stage("prod", "dep001", null, Map.of(), null, null, null, null, null, null, null))))
        .section(LambdaConfig.class, new LambdaConfig(null, null, null, functions, false, null, null, null,
            nodeClientInstalled() ? Path.of(NODE_CLIENT_DIRECTORY) : null, false))
        .build();
    gateway = EmbeddedGateway.start(config, data);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  @Test
  void aCustomRuntimesStreamedResponseReachesTheClientAsItIsWritten() throws Exception {
    Files.deleteIfExists(shellGate.resolve("open"));
    HttpResponse<InputStream> response = open("/shell");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    try (InputStream body = response.body()) {
      assertThat(read(body, "data: first\n\n".length())).isEqualTo("data: first\n\n");
      Files.createFile(shellGate.resolve("open"));
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
  }

  @Test
  void aNodeStreamifyResponseHandlersWritesReachTheClientAsTheyAreWritten() throws Exception {
    assumeTrue(NODE_CLIENT_DIRECTORY != null, NODE_CLIENT + " is not set to a directory where `npm install "
        + "aws-lambda-ric` ran; .ci/run sets it");
    assertThat(nodeClientInstalled()).as(NODE_CLIENT + "=" + NODE_CLIENT_DIRECTORY + " holds no "
        + "node_modules/aws-lambda-ric: run `npm install aws-lambda-ric@3.3.0` there").isTrue();
    HttpResponse<InputStream> response = open("/node");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    try (InputStream body = response.body()) {
      assertThat(read(body, "data: first\n\n".length())).isEqualTo("data: first\n\n");
      Files.createFile(nodeGate.resolve("open"));
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
  }

  @Test
  void anInProcessStreamHandlersWritesReachTheClientBeforeItReturns(@TempDir Path gate) throws Exception {
    HttpResponse<InputStream> response = open("/java?gate=" + URLEncoder.encode(gate.toString(),
        StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream body = response.body()) {
      assertThat(read(body, "data: first\n\n".length())).isEqualTo("data: first\n\n");
      Files.createFile(gate.resolve("open"));
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
  }

  @Test
  void aFunctionThatTimesOutMidStreamCutsTheClientsResponseShort() throws Exception {
    HttpResponse<InputStream> response = open("/stall?stall=true");

    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream body = response.body()) {
      assertThat(read(body, "data: first\n\n".length())).isEqualTo("data: first\n\n");
      CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
        try {
          return body.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      // The function's timeout is 2 s; the deadline only keeps a broken gateway from hanging the build.
      assertThatThrownBy(() -> rest.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void aBufferedRouteGetsAStreamingFunctionsWholeAnswer() throws Exception {
    Files.createDirectories(shellGate);
    Files.writeString(shellGate.resolve("open"), "");
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "prod", "/buffered"));

    // A buffered proxy reads the streamed bytes as one proxy response, which the prelude is not: AWS answers 502.
    assertThat(response.statusCode()).isEqualTo(502);
  }

  private static boolean nodeClientInstalled() {
    return NODE_CLIENT_DIRECTORY != null
        && Files.isRegularFile(Path.of(NODE_CLIENT_DIRECTORY, "node_modules/aws-lambda-ric/bin/index.mjs"));
  }

  private static HttpResponse<InputStream> open(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(gateway.userRequest(API, "prod", path)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private static String read(InputStream body, int length) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (read.size() < length) {
      int b = body.read();
      if (b < 0) {
        break;
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }
}
