package dev.restgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {
  private static GatewayRequest request(String protocol, Headers headers, InputStream body) {
    return new GatewayRequest("POST", "/x", null, headers, protocol, "http", "127.0.0.1", 8080, body);
  }

  @Test
  void bodyIsReadExactlyToTheDeclaredLength() throws Exception {
    Headers headers = new Headers().add("Content-Length", "5");
    GatewayRequest request = request("HTTP/1.1", headers,
        new ByteArrayInputStream("hello, and more".getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(request.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(request.hasBody()).isTrue();
  }

  @Test
  void http1RequestWithoutLengthOrChunkingHasNoBodyAndTheStreamIsNotRead() throws Exception {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the body stream must not be read");
      }
    };
    GatewayRequest request = request("HTTP/1.1", new Headers(), untouchable);
    assertThat(request.bodyBytes()).isEmpty();
    assertThat(request.hasBody()).isFalse();
  }

  @Test
  void http2RequestWithoutLengthIsReadToTheEnd() throws Exception {
    GatewayRequest request = request("HTTP/2.0", new Headers(),
        new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(request.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("streamed");
  }

  @Test
  void declaredLengthAboveTheLimitIsRefusedWithoutReading() {
    Headers headers = new Headers().add("Content-Length", Long.toString(GatewayRequest.MAX_PAYLOAD_BYTES + 1L));
    GatewayRequest request = request("HTTP/1.1", headers, InputStream.nullInputStream());
    assertThatThrownBy(request::bodyBytes).isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void bodyShorterThanDeclaredIsAnError() {
    Headers headers = new Headers().add("Content-Length", "10");
    GatewayRequest request = request("HTTP/1.1", headers,
        new ByteArrayInputStream("short".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(request::bodyBytes).isInstanceOf(EOFException.class);
  }

  @Test
  void queryIsDecodedWithEveryValueInOrder() {
    GatewayRequest request = new GatewayRequest("GET", "/x", "a=1&b=x+y&a=%2B2&flag", new Headers(), "HTTP/1.1",
        "http", "127.0.0.1", 8080, null);
    assertThat(request.query()).containsExactly(
        java.util.Map.entry("a", java.util.List.of("1", "+2")),
        java.util.Map.entry("b", java.util.List.of("x y")),
        java.util.Map.entry("flag", java.util.List.of("")));
  }
}
