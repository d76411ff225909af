package dev.restgate.integration;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.http.GatewayRequest;
import dev.restgate.model.RestApi;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP_PROXY against a real backend: what it forwards, what it returns, how it fails. */
class HttpProxyIntegrationTest {
  private static final String API = "httpproxy1";
  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    backend = new RecordingBackend();
    RestApi api = TestApis.api(API)
        .method("/fixed", "ANY", httpProxy("POST", "${stageVariables.backend}/fixed"))
        .method("/any/{proxy+}", "ANY", httpProxy("ANY", "${stageVariables.backend}/passthrough/{proxy}"))
        .method("/mapped/{id}", "GET", httpProxy("GET", "${stageVariables.backend}/items/{item}",
            Map.of("integration.request.path.item", "method.request.path.id",
                "integration.request.querystring.stage", "context.stage",
                "integration.request.header.X-Static", "'static-value'"), null))
        .method("/status/{code}", "GET", httpProxy("GET", "${stageVariables.backend}/status/{code}"))
        .method("/slow", "GET", httpProxy("GET", "${stageVariables.backend}/slow", Map.of(), 300))
        .method("/down", "GET", httpProxy("GET", "http://127.0.0.1:1/nothing"))
        .method("/nohost", "GET", httpProxy("GET", "${stageVariables.missing}/x"))
        .build();
    gateway = EmbeddedGateway.start(TestApis.config(api, "test", Map.of("backend", backend.url())), data);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(gateway.userRequest(API, "test", path));
  }

  @Test
  void anyPassesTheClientMethodQueryHeadersAndBody() throws Exception {
    HttpResponse<String> response = Http.send(request("/any/a/b?x=1&x=2&q=hello%20world")
        .method("PUT", HttpRequest.BodyPublishers.ofString("{\"name\":\"rex\"}"))
        .header("Content-Type", "application/json")
        .header("X-Custom", "value")
        .build());
    assertThat(response.statusCode()).isEqualTo(200);
    RecordingBackend.Received received = backend.next();
    assertThat(received.method()).isEqualTo("PUT");
    assertThat(received.rawPath()).isEqualTo("/passthrough/a/b");
    assertThat(received.rawQuery()).isEqualTo("x=1&x=2&q=hello%20world");
    assertThat(received.header("X-Custom")).isEqualTo("value");
    assertThat(received.header("Content-Type")).isEqualTo("application/json");
    assertThat(new String(received.body())).isEqualTo("{\"name\":\"rex\"}");
    assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(received.header("X-Amzn-Trace-Id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
  }

  @Test
  void integrationMethodReplacesTheClientMethod() throws Exception {
    Http.send(request("/fixed").method("PUT", HttpRequest.BodyPublishers.ofString("x")).build());
    assertThat(backend.next().method()).isEqualTo("POST");
  }

  @Test
  void mappedParametersAreSubstitutedAndMerged() throws Exception {
    Http.send(request("/mapped/42?keep=yes").build());
    RecordingBackend.Received received = backend.next();
    assertThat(received.rawPath()).isEqualTo("/items/42");
    assertThat(received.rawQuery()).isEqualTo("keep=yes&stage=test");
    assertThat(received.header("X-Static")).isEqualTo("static-value");
  }

  @Test
  void backendStatusHeadersAndBodyReachTheClientWithRemappedHeaders() throws Exception {
    HttpResponse<String> response = Http.send(request("/status/404").build());
    backend.next();
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"method\":\"GET\",\"path\":\"/status/404\",\"bytes\":0}");
    assertThat(response.headers().firstValue("X-Backend")).hasValue("recording");
    assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(response.headers().firstValue("x-amzn-Remapped-Content-Length"))
        .hasValue(String.valueOf(response.body().length()));
    assertThat(response.headers().firstValue("x-amzn-Remapped-Date")).isPresent();
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void largeBodiesAreStreamedToTheBackend() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'a');
    HttpResponse<String> response = Http.send(request("/any/upload")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.next().body()).hasSize(body.length);
  }

  @Test
  void bodyDeclaredOverTheLimitIsRefusedWith413AndTheBackendSeesNothing() throws Exception {
    // The refusal comes from the declared length alone, before any of the body is read; sending only the head of the
    // request shows that, and avoids racing the closing connection with an upload the gateway never reads.
    URI uri = gateway.userRequest(API, "test", "/fixed");
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n"
          + "Content-Type: application/octet-stream\r\nContent-Length: " + (GatewayRequest.MAX_PAYLOAD_BYTES + 1)
          + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String response = readResponse(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413 ");
      assertThat(response.toLowerCase(Locale.ROOT)).contains("\r\nx-amzn-errortype: requesttoolargeexception\r\n");
      assertThat(response).endsWith("\r\n\r\n{\"message\":\"Request Too Long\"}");
    }
    backend.expectNoMoreRequests();
  }

  /** The head and the Content-Length body of one HTTP/1.1 response. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    int length = -1;
    int headEnd = -1;
    while (headEnd < 0 || read.size() < headEnd + length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.write(b);
      String text = read.toString(StandardCharsets.ISO_8859_1);
      if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
        headEnd = text.length();
        Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text);
        length = m.find() ? Integer.parseInt(m.group(1)) : 0;
      }
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedWith413AndTheBackendSeesNothing() throws Exception {
    byte[] body = new byte[GatewayRequest.MAX_PAYLOAD_BYTES + 1];
    HttpResponse<String> response = Http.send(request("/fixed")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
    backend.expectNoMoreRequests();
  }

  @Test
  void chunkedBodyWithinTheLimitReachesTheBackendWhole() throws Exception {
    byte[] body = new byte[200_000];
    HttpResponse<String> response = Http.send(request("/fixed")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.next().body()).hasSize(body.length);
  }

  @Test
  void slowBackendAnswersEndpointRequestTimedOut() throws Exception {
    HttpResponse<String> response = Http.send(request("/slow").build());
    assertThat(backend.next().rawPath()).isEqualTo("/slow");
    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
  }

  @Test
  void unreachableBackendAnswersIntegrationFailure() throws Exception {
    HttpResponse<String> response = Http.send(request("/down").build());
    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
  }

  @Test
  void uriWithoutHostAnswersInternalServerError() throws Exception {
    HttpResponse<String> response = Http.send(request("/nohost").build());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }
}
