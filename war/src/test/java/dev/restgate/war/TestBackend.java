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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
  private final CountDownLatch streamReleased = new CountDownLatch(1);
  private volatile boolean streamWaited;

  private TestBackend(HttpServer server) {
    this.server = server;
  }

  static TestBackend start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      TestBackend backend = new TestBackend(server);
      server.createContext("/", backend::describe);
      server.createContext("/stream", backend::stream);
      server.setExecutor(Executors.newCachedThreadPool());
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

  /** Lets the stream that waits for it write its last event. */
  void releaseStream() {
    streamReleased.countDown();
  }

  /** Whether the last {@code /stream} was still waiting for {@link #releaseStream} when the test called it. */
  boolean streamWaitedForTheClient() {
    return streamWaited;
  }

  /**
   * {@code /stream}: server-sent events, the first at once, the last once the test releases it (at most 20 s later);
   * {@code /stream/stalled}: the first event, then nothing for 5 s, longer than its route's timeout.
   */
  private void stream(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    boolean stalled = exchange.getRequestURI().getRawPath().endsWith("/stalled");
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        if (stalled) {
          Thread.sleep(5_000);
        } else {
          streamWaited = streamReleased.await(20, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write("data: last\n\n".getBytes(StandardCharsets.UTF_8));
      out.close();
    } catch (IOException e) {
      // The gateway went away from a stalled stream: nothing to answer.
    }
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
