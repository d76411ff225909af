package dev.restgate.authorizers.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on loopback that counts its requests and can be made to fail or to hold its answers. */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger hits = new AtomicInteger();
  private final Semaphore arrivals = new Semaphore(0);
  private volatile String document = "{\"keys\":[]}";
  private volatile int status = 200;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/.well-known/jwks.json", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
  }

  /** Serves the public parts of {@code keys}. */
  void serve(JWK... keys) {
    serveDocument(new JWKSet(Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString());
  }

  void serveDocument(String json) {
    document = json;
    status = 200;
  }

  /** Answers every request with {@code code} and a body that must not reach the logs. */
  void failWith(int code) {
    status = code;
  }

  /** Holds every answer from now on until the returned latch is counted down. */
  CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    gate = latch;
    return latch;
  }

  /** Waits for the next request to arrive (a held one included). */
  boolean awaitRequest() throws InterruptedException {
    return arrivals.tryAcquire(5, TimeUnit.SECONDS);
  }

  int hits() {
    return hits.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    hits.incrementAndGet();
    arrivals.release();
    try {
      gate.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int code = status;
    byte[] body = (code == 200 ? document : "SECRET-ERROR-BODY").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    gate.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
