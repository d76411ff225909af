package dev.restgate.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP backend on a random loopback port that records what it receives and answers 200 with a JSON summary.
 * Paths starting with {@code /slow} hang until the backend is closed (for timeout tests), those starting with
 * {@code /hold} until {@link #releaseHeld()}; {@code /big} answers 16 MB and reports whether the client read them all
 * ({@link #nextBigAnswer()}); {@code /echo} answers with the request's own body and {@code Content-Type}.
 */
public final class RecordingBackend implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> bigAnswers = new LinkedBlockingQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch held = new CountDownLatch(1);

  /** What one request looked like when it arrived. */
  public record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(e.getValue().size() - 1);
        }
      }
      return null;
    }
  }

  public RecordingBackend() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
    received.add(r);
    if (r.rawPath().startsWith("/big")) {
      answerBig(exchange);
      return;
    }
    if (r.rawPath().startsWith("/echo")) {
      answerEcho(exchange, body);
      return;
    }
    if (r.rawPath().startsWith("/hold")) {
      await(held);
    }
    if (r.rawPath().startsWith("/slow")) {
      await(closing);
    }
    byte[] answer = ("{\"method\":\"" + r.method() + "\",\"path\":\"" + r.rawPath() + "\",\"bytes\":" + body.length
        + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Backend", "recording");
    exchange.getResponseHeaders().add("Set-Cookie", "a=1");
    exchange.getResponseHeaders().add("Set-Cookie", "b=2");
    int status = r.rawPath().startsWith("/status/") ? Integer.parseInt(r.rawPath().substring(8)) : 200;
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  /** Answers a {@code /echo} request with its own body and {@code Content-Type}. */
  private static void answerEcho(HttpExchange exchange, byte[] body) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null) {
      exchange.getResponseHeaders().add("Content-Type", type);
    }
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void answerBig(HttpExchange exchange) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    int chunks = 256;
    exchange.sendResponseHeaders(200, (long) chunk.length * chunks);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < chunks; i++) {
        out.write(chunk);
      }
      bigAnswers.add("completed");
    } catch (IOException e) {
      bigAnswers.add("aborted");
    }
  }

  /** How the next {@code /big} answer ended, {@code completed} or {@code aborted}, waiting up to ten seconds. */
  public String nextBigAnswer() throws InterruptedException {
    String outcome = bigAnswers.poll(10, TimeUnit.SECONDS);
    if (outcome == null) {
      throw new AssertionError("the /big answer neither completed nor was aborted within ten seconds");
    }
    return outcome;
  }

  /** Lets the requests waiting on a {@code /hold} path (and later ones) be answered. */
  public void releaseHeld() {
    held.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next request the backend received, waiting up to five seconds. */
  public Received next() throws InterruptedException {
    Received r = received.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the backend received no request");
    }
    return r;
  }

  /**
   * Fails when the backend received a request that no {@link #next()} took, waiting a moment for one still on its way.
   */
  public void expectNoMoreRequests() throws InterruptedException {
    Received r = received.poll(300, TimeUnit.MILLISECONDS);
    if (r != null) {
      throw new AssertionError("the backend received an unexpected request: " + r.method() + " " + r.rawPath());
    }
  }

  @Override
  public void close() {
    closing.countDown();
    held.countDown();
    server.stop(0);
  }
}
