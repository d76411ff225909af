package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.unsignedInvokeApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaInvoker.Invocation;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.TestApis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Streamed answers across gateways, over real HTTP. Gateway B serves local functions through its Invoke API's
 * {@code response-streaming-invocations}, which the real SDK's {@link LambdaAsyncClient} reads event by event;
 * gateway A names the same functions as remote ones (its Lambda endpoint is B) behind a STREAM route, so its SDK
 * invoker's {@code InvokeWithResponseStream} carries the function's writes to A's client as they happen. The
 * streaming function writes its first event, then waits for a file the test creates once its client has that event.
 */
class RemoteStreamingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "remstream1";
  private static final String PRELUDE = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/event-stream\"}}";
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static EmbeddedGateway functions;
  private static EmbeddedGateway front;
  private static TestModuleContext remoteOnly;
  private static LambdaAsyncClient sdk;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    Fixtures fixtures = Fixtures.get();
    functions = EmbeddedGateway.start(GatewayConfig.builder().section(LambdaConfig.class, unsignedInvokeApi(
        new FunctionConfig("javastream", "fixture.Streamer", fixtures.classesDirectory, 30, 256, Map.of(), "java21",
            Isolation.IN_PROCESS, 2, null),
        new FunctionConfig("javastall", "fixture.Streamer", fixtures.classesDirectory, 2, 256, Map.of(), "java21",
            Isolation.IN_PROCESS, 2, null),
        function("failing", "fixture.Failing", fixtures.classesDirectory),
        function("context", "fixture.ContextReport", fixtures.classesDirectory))).build(), data.resolve("b"));

    LambdaConfig remote = new LambdaConfig("us-east-1", functions.uri("").toString(),
        new CredentialsConfig("AKIDEXAMPLE", "secret", null), List.of(), true, null, null);
    RestApi api = TestApis.api(API)
        .method("/stream", "GET", TestApis.lambdaStreamingProxy("javastream"))
        .build();
    front = EmbeddedGateway.start(GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(new Deployment("dep001", null, Instant.EPOCH, api)),
            List.of(new Stage("prod", "dep001", null, Map.of(), null, null, null, null, null, null, null))))
        .section(LambdaConfig.class, remote)
        .build(), data.resolve("a"));

    remoteOnly = new TestModuleContext(remote, Clock.systemUTC());
    new LambdaModule().configure(remoteOnly);

    sdk = LambdaAsyncClient.builder()
        .endpointOverride(functions.uri(""))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(NettyNioAsyncHttpClient.create())
        .build();
  }

  @AfterAll
  static void stop() throws Exception {
    sdk.close();
    remoteOnly.close();
    front.close();
    functions.close();
  }

  @Test
  void theSdksInvokeWithResponseStreamGetsEachChunkAsTheFunctionWritesIt(@TempDir Path gate) throws Exception {
    Recorder recorder = new Recorder();
    CompletableFuture<Void> call = sdk.invokeWithResponseStream(InvokeWithResponseStreamRequest.builder()
        .functionName("javastream").payload(SdkBytes.fromUtf8String(gateEvent(gate))).build(), recorder.handler());

    assertThat(recorder.textUntil("data: first\n\n")).isEqualTo(PRELUDE + "\0".repeat(8) + "data: first\n\n");
    assertThat(call).isNotDone();
    Files.createFile(gate.resolve("open"));
    call.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(recorder.text()).endsWith("data: first\n\ndata: last\n\n");
    assertThat(recorder.complete.errorCode()).isNull();
    assertThat(recorder.executedVersion).isEqualTo("$LATEST");
  }

  @Test
  void aFunctionErrorBeforeAnyByteIsInInvokeComplete() throws Exception {
    Recorder recorder = new Recorder();
    sdk.invokeWithResponseStream(InvokeWithResponseStreamRequest.builder().functionName("failing")
            .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")).build(), recorder.handler())
        .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(recorder.text()).isEmpty();
    assertThat(recorder.complete.errorCode()).isEqualTo("java.lang.IllegalStateException");
    assertThat(recorder.complete.errorDetails()).isEqualTo("boom");
    assertThat(recorder.complete.logResult()).isNotNull();
  }

  @Test
  void theInvokeApiAnswersInLambdasEventStreamFormat() throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            functions.uri("/2021-11-15/functions/context/response-streaming-invocations"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.amazon.eventstream");
    assertThat(response.headers().firstValue("X-Amz-Executed-Version")).contains("$LATEST");
    MessageDecoder decoder = new MessageDecoder();
    decoder.feed(response.body());
    List<Message> messages = decoder.getDecodedMessages();
    assertThat(messages).hasSizeGreaterThanOrEqualTo(2);
    Message chunk = messages.get(0);
    assertThat(chunk.getHeaders().get(":event-type").getString()).isEqualTo("PayloadChunk");
    assertThat(chunk.getHeaders().get(":message-type").getString()).isEqualTo("event");
    assertThat(chunk.getHeaders().get(":content-type").getString()).isEqualTo("application/octet-stream");
    assertThat(JSON.readTree(chunk.getPayload()).path("functionName").asText()).isEqualTo("context");
    Message complete = messages.get(messages.size() - 1);
    assertThat(complete.getHeaders().get(":event-type").getString()).isEqualTo("InvokeComplete");
    assertThat(complete.getHeaders().get(":content-type").getString()).isEqualTo("application/json");
    assertThat(new String(complete.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void aStreamRouteNamingARemoteFunctionRelaysItsBodyAsItIsWritten(@TempDir Path gate) throws Exception {
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            front.userRequest(API, "prod", "/stream?gate=" + URLEncoder.encode(gate.toString(),
                StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    try (InputStream body = response.body()) {
      assertThat(read(body, "data: first\n\n".length())).isEqualTo("data: first\n\n");
      Files.createFile(gate.resolve("open"));
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
  }

  @Test
  void theSdkInvokerReturnsAtTheFirstChunkAndReadsTheRestAsItArrives(@TempDir Path gate) throws Exception {
    LambdaInvoker.Streamed streamed = remoteOnly.invoker().invokeWithResponseStream(new Invocation("javastream",
        null, gateEvent(gate).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30), null));

    assertThat(streamed.functionError()).isNull();
    assertThat(streamed.executedVersion()).isEqualTo("$LATEST");
    try (InputStream payload = streamed.payload()) {
      assertThat(read(payload, PRELUDE.length() + 8 + "data: first\n\n".length()))
          .isEqualTo(PRELUDE + "\0".repeat(8) + "data: first\n\n");
      Files.createFile(gate.resolve("open"));
      assertThat(new String(payload.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
  }

  @Test
  void aRemoteFunctionErrorBeforeAnyByteIsAStreamedFunctionError() throws Exception {
    LambdaInvoker.Streamed streamed = remoteOnly.invoker().invokeWithResponseStream(
        new Invocation("failing", null, "{}".getBytes(), Duration.ofSeconds(30), null));

    assertThat(streamed.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(streamed.payload().readAllBytes());
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("errorMessage").asText()).isEqualTo("boom");
  }

  @Test
  void aRemoteFunctionThatFailsMidStreamFailsTheRead() throws Exception {
    LambdaInvoker.Streamed streamed = remoteOnly.invoker().invokeWithResponseStream(new Invocation("javastall",
        null, "{\"stall\":\"true\"}".getBytes(), Duration.ofSeconds(30), null));

    try (InputStream payload = streamed.payload()) {
      assertThat(read(payload, PRELUDE.length() + 8 + "data: first\n\n".length())).endsWith("data: first\n\n");
      // The function's timeout is 2 s: Lambda's InvokeComplete then carries the error, and the read fails.
      assertThatThrownBy(payload::readAllBytes).isInstanceOf(IOException.class)
          .hasMessageContaining("Sandbox.Timedout");
    }
  }

  @Test
  void anUnknownRemoteFunctionIsFunctionNotFound() {
    assertThatThrownBy(() -> remoteOnly.invoker().invokeWithResponseStream(
        new Invocation("nope", null, "{}".getBytes(), Duration.ofSeconds(30), null)))
        .isInstanceOfSatisfying(LambdaInvokeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FUNCTION_NOT_FOUND));
  }

  private static String gateEvent(Path gate) {
    return "{\"gate\":\"" + gate + "\"}";
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

  /** What the SDK hands a response-stream handler, kept for the test. */
  private static final class Recorder {
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile InvokeWithResponseStreamCompleteEvent complete;
    private volatile String executedVersion;

    InvokeWithResponseStreamResponseHandler handler() {
      return InvokeWithResponseStreamResponseHandler.builder()
          .onResponse(r -> executedVersion = r.executedVersion())
          .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
              .onPayloadChunk(c -> chunks.add(c.payload().asByteArray()))
              .onInvokeComplete(c -> complete = c)
              .build())
          .build();
    }

    /** What arrived until {@code end} did, waiting for chunks up to the deadline. */
    String textUntil(String end) throws InterruptedException {
      Instant deadline = Instant.now().plus(DEADLINE);
      while (!received.toString(StandardCharsets.UTF_8).endsWith(end) && Instant.now().isBefore(deadline)) {
        byte[] chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
        if (chunk != null) {
          received.writeBytes(chunk);
        }
      }
      return received.toString(StandardCharsets.UTF_8);
    }

    /** Everything received; call once the call has completed. */
    String text() {
      for (byte[] chunk; (chunk = chunks.poll()) != null; ) {
        received.writeBytes(chunk);
      }
      return received.toString(StandardCharsets.UTF_8);
    }
  }
}
