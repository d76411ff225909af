package dev.restgate.war;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP_PROXY backend of the test configuration: answers every request with 200 and a JSON description of what
 * it received ({@code backend}, {@code method}, {@code path} raw, {@code query} raw).
 */
final class TestBackend implements AutoCloseable {
  static final String NAME = "restgate-it";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private TestBackend(HttpServer server) {
    this.server = server;
  }

  static TestBackend start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      TestBackend backend = new TestBackend(server);
      server.createContext("/", backend::describe);
      server.start();
      return backend;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test backend on port " + port, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** How many requests reached the backend so far. */
  int requests() {
    return requests.get();
  }

  private void describe(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      Map<String, String> seen = new LinkedHashMap<>();
      seen.put("backend", NAME);
      seen.put("method", exchange.getRequestMethod());
      seen.put("path", exchange.getRequestURI().getRawPath());
      seen.put("query", Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""));
      byte[] body = JSON.writeValueAsBytes(seen);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
