package dev.restgate.lambda.internal.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.restgate.lambda.internal.local.FunctionErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) of one worker, on a loopback port of its own: only that worker knows
 * it, and the public listener never serves it. Status codes and error documents are those of AWS's Runtime API:
 * 202 for an accepted result, 400 for a request id that is not the worker's invocation, 403 for a result posted out
 * of turn, 413 past 6 MB.
 *
 * <p>A response posted with {@code Lambda-Runtime-Function-Response-Mode: streaming} (chunked) is copied to the
 * invocation's caller as it arrives, when the caller asked for a streamed answer, with no size limit; otherwise it
 * is read whole like any response. Error trailers after a streamed body are not read: the JDK's server drops
 * trailers, so such a stream just ends.
 */
final class RuntimeApiServer implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final Pattern RESULT = Pattern.compile("invocation/([^/]+)/(response|error)");

  /** What the server asks of its worker; each method answers the status the runtime gets. */
  interface Handler {
    /** Blocks until there is an event; null when the worker is stopping. */
    Event next();

    int result(String requestId, byte[] body, boolean error);

    int initError(byte[] body);

    /** The payload was larger than the Runtime API takes; the invocation fails as AWS fails it. */
    void tooLarge(String requestId);

    /**
     * A streamed response of {@code requestId} begins: where to copy its body, or null when its caller takes the
     * answer whole (or the id is not the invocation's: {@link #result} then says so).
     */
    OutputStream streamStarted(String requestId);

    /**
     * The streamed body ended, whole when {@code failure} is null.
     *
     * @return the status the runtime gets
     */
    int streamEnded(String requestId, IOException failure);
  }

  /** The event of one invocation and the {@code Lambda-Runtime-*} headers that go with it. */
  record Event(byte[] payload, Map<String, String> headers) {}

  private final HttpServer server;
  private final Handler handler;

  RuntimeApiServer(Handler handler, Executor executor) throws IOException {
    this.handler = handler;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} carries it. */
  String address() {
    return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
      boolean post = "POST".equals(exchange.getRequestMethod());
      Matcher result = RESULT.matcher(path);
      if (path.equals("invocation/next") && "GET".equals(exchange.getRequestMethod())) {
        next(exchange);
      } else if (post && result.matches() && result.group(2).equals("response") && "streaming".equalsIgnoreCase(
          exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Response-Mode"))
          && stream(exchange, result.group(1))) {
        return;
      } else if (post && result.matches()) {
        byte[] body = body(exchange);
        if (body == null) {
          handler.tooLarge(result.group(1));
          answer(exchange, 413, error("Exceeded maximum allowed payload size (" + FunctionErrors.MAX_RESPONSE_BYTES
              + " bytes).", "RequestEntityTooLarge"));
        } else {
          status(exchange, handler.result(result.group(1), body, result.group(2).equals("error")));
        }
      } else if (post && path.equals("init/error")) {
        byte[] body = body(exchange);
        status(exchange, handler.initError(body == null ? new byte[0] : body));
      } else {
        answer(exchange, 404, error("Unknown Runtime API path: " + path, "NotFound"));
      }
    }
  }

  /** Copies a streamed response to its caller; false when the caller takes it whole, as any response. */
  private boolean stream(HttpExchange exchange, String requestId) throws IOException {
    OutputStream out = handler.streamStarted(requestId);
    if (out == null) {
      return false;
    }
    IOException failure = null;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
      // Closed only when whole: a broken stream must reach the caller as a failure, not as its end.
      out.close();
    } catch (IOException e) {
      failure = e;
    }
    int status = handler.streamEnded(requestId, failure);
    if (failure == null) {
      status(exchange, status);
    }
    return true;
  }

  private void next(HttpExchange exchange) throws IOException {
    Event event = handler.next();
    if (event == null) {
      answer(exchange, 500, error("The execution environment is shutting down", "Runtime.Shutdown"));
      return;
    }
    event.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    answer(exchange, 200, event.payload());
  }

  private static void status(HttpExchange exchange, int status) throws IOException {
    switch (status) {
      case 202 -> answer(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
      case 400 -> answer(exchange, 400, error("Invalid request ID", "InvalidRequestID"));
      default -> answer(exchange, 403, error("State transition is not allowed", "InvalidStateTransition"));
    }
  }

  /** The body, or null when it is larger than a function may answer. */
  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(FunctionErrors.MAX_RESPONSE_BYTES + 1);
      return body.length > FunctionErrors.MAX_RESPONSE_BYTES ? null : body;
    }
  }

  private static byte[] error(String message, String type) {
    return ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
