package dev.restgate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.restgate.model.RestApi;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.ScriptedLambdaModule;
import dev.restgate.testing.ServiceFixtures;
import dev.restgate.testing.TestApis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code responseTransferMode: STREAM} over real HTTP: the client reads a backend's or function's first piece while
 * the producer still waits for the client to have it, bodies past AWS's 10 MB buffered limit pass, and a Lambda
 * stream's metadata prelude becomes the status and headers.
 */
class ResponseStreamingTest {
  private static final String API = "streaming1";
  private static final int LARGE = 12 * 1024 * 1024;
  private static final byte[] DELIMITER = new byte[8];
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static HttpServer backend;
  private static EmbeddedGateway gateway;
  /** Released by a test once its client has read the first piece; producers wait for it. */
  private static volatile CountDownLatch clientHasFirstPiece = new CountDownLatch(1);
  private static final AtomicBoolean producerSawTheClientFirst = new AtomicBoolean();

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/events", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        producerSawTheClientFirst.set(awaitClient());
        out.write("data: last\n\n".getBytes(StandardCharsets.UTF_8));
      }
    });
    backend.createContext("/large", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, LARGE);
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] block = new byte[64 * 1024];
        for (int sent = 0; sent < LARGE; sent += block.length) {
          out.write(block);
        }
      }
    });
    backend.start();
    ScriptedLambdaModule.registerStreaming("tokens", invocation -> streamed(out -> {
      out.write("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-Model\":\"m1\"},"
          .getBytes(StandardCharsets.UTF_8));
      out.write("\"cookies\":[\"a=1\",\"b=2; Path=/\"]}".getBytes(StandardCharsets.UTF_8));
      out.write(DELIMITER);
      out.write("token-1 ".getBytes(StandardCharsets.UTF_8));
      out.flush();
      producerSawTheClientFirst.set(awaitClient());
      out.write("token-2".getBytes(StandardCharsets.UTF_8));
    }));
    ScriptedLambdaModule.registerStreaming("bigstream", invocation -> streamed(out -> {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
      out.write(DELIMITER);
      byte[] block = new byte[64 * 1024];
      for (int sent = 0; sent < LARGE; sent += block.length) {
        out.write(block);
      }
    }));
    ScriptedLambdaModule.registerStreaming("noprelude", invocation -> streamed(
        out -> out.write("{\"statusCode\":200,\"body\":\"buffered style\"}".getBytes(StandardCharsets.UTF_8))));
    ScriptedLambdaModule.registerStreaming("failing", invocation -> new LambdaInvoker.Streamed(
        new java.io.ByteArrayInputStream("{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8)),
        "Unhandled", "$LATEST"));
    ScriptedLambdaModule.register("whole", invocation -> new LambdaInvoker.Result(
        ("{\"statusCode\":202}\0\0\0\0\0\0\0\0all at once").getBytes(StandardCharsets.UTF_8), null, "$LATEST", null));
    RestApi api = TestApis.api(API)
        .method("/events", "GET", TestApis.httpProxyStreaming("GET", "${stageVariables.backend}/events"))
        .method("/large", "GET", TestApis.httpProxyStreaming("GET", "${stageVariables.backend}/large"))
        .method("/tokens", "GET", TestApis.lambdaStreamingProxy("tokens"))
        .method("/bigstream", "GET", TestApis.lambdaStreamingProxy("bigstream"))
        .method("/noprelude", "GET", TestApis.lambdaStreamingProxy("noprelude"))
        .method("/failing", "GET", TestApis.lambdaStreamingProxy("failing"))
        .method("/whole", "GET", TestApis.lambdaStreamingProxy("whole"))
        .build();
    String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort();
    gateway = EmbeddedGateway.start(TestApis.config(api, "dev", Map.of("backend", backendUrl)), data,
        ServiceFixtures.loader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.stop(0);
  }

  @Test
  void anHttpBackendsFirstEventReachesTheClientBeforeTheBackendHasFinished() throws Exception {
    HttpResponse<InputStream> response = open("/events");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    try (InputStream body = response.body()) {
      assertThat(readUntil(body, "data: first\n\n")).isEqualTo("data: first\n\n");
      clientHasFirstPiece.countDown();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
    assertThat(producerSawTheClientFirst).isTrue();
  }

  @Test
  void moreThanTenMegabytesStreamFromAnHttpBackend() throws Exception {
    HttpResponse<InputStream> response = open("/large");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-amzn-Remapped-Content-Length")).contains(Integer.toString(LARGE));
    try (InputStream body = response.body()) {
      assertThat(body.transferTo(OutputStream.nullOutputStream())).isEqualTo(LARGE);
    }
  }

  @Test
  void aFunctionsFirstTokenReachesTheClientBeforeTheFunctionHasFinished() throws Exception {
    HttpResponse<InputStream> response = open("/tokens");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(response.headers().firstValue("X-Model")).contains("m1");
    assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2; Path=/");
    assertThat(response.headers().firstValue("X-Amzn-Trace-Id")).isPresent();
    try (InputStream body = response.body()) {
      assertThat(readUntil(body, "token-1 ")).isEqualTo("token-1 ");
      clientHasFirstPiece.countDown();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("token-2");
    }
    assertThat(producerSawTheClientFirst).isTrue();
  }

  @Test
  void moreThanTenMegabytesStreamFromAFunction() throws Exception {
    HttpResponse<InputStream> response = open("/bigstream");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    try (InputStream body = response.body()) {
      assertThat(body.transferTo(OutputStream.nullOutputStream())).isEqualTo(LARGE);
    }
  }

  @Test
  void aFunctionThatAnswersItsWholePayloadAtOnceStillStreamsItsBody() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "dev", "/whole"));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("all at once");
  }

  @Test
  void anAnswerWithoutAPreludeIsA500AndAFunctionErrorA502() throws Exception {
    HttpResponse<String> malformed = Http.get(gateway.userRequest(API, "dev", "/noprelude"));
    assertThat(malformed.statusCode()).isEqualTo(500);
    assertThat(malformed.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    HttpResponse<String> failed = Http.get(gateway.userRequest(API, "dev", "/failing"));
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  private static HttpResponse<InputStream> open(String path) throws Exception {
    clientHasFirstPiece = new CountDownLatch(1);
    producerSawTheClientFirst.set(false);
    return CLIENT.send(HttpRequest.newBuilder(gateway.userRequest(API, "dev", path)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Reads until {@code expected} has come whole (or the body ends), and returns what was read. */
  private static String readUntil(InputStream body, String expected) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (read.size() < expected.length()) {
      int b = body.read();
      if (b < 0) {
        break;
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  /** Waits for the client to confirm the first piece; false when it did not within the deadline. */
  private static boolean awaitClient() {
    try {
      return clientHasFirstPiece.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private interface Producer {
    void write(OutputStream out) throws IOException;
  }

  /** A payload written by {@code producer} on a thread of its own, as a function writes its stream. */
  private static LambdaInvoker.Streamed streamed(Producer producer) {
    try {
      PipedInputStream in = new PipedInputStream(256 * 1024);
      PipedOutputStream out = new PipedOutputStream(in);
      Thread thread = new Thread(() -> {
        try (out) {
          producer.write(out);
        } catch (IOException e) {
          // The reader went away; the function's stream ends.
        }
      }, "scripted-stream");
      thread.setDaemon(true);
      thread.start();
      return new LambdaInvoker.Streamed(in, null, "$LATEST");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
