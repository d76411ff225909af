package dev.restgate.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.ServiceEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link ServiceEndpoint} over real HTTP with the JDK's server, turning exchanges into
 * {@link GatewayRequest}s and writing {@link GatewayResponse}s, as the gateway's servlet adapter does.
 */
final class JdkHttpAdapter implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  private JdkHttpAdapter(ServiceEndpoint endpoint) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> serve(endpoint, exchange));
    server.setExecutor(threads);
    server.start();
  }

  static JdkHttpAdapter serve(ServiceEndpoint endpoint) throws IOException {
    return new JdkHttpAdapter(endpoint);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void serve(ServiceEndpoint endpoint, HttpExchange exchange) throws IOException {
    try (exchange) {
      Headers headers = new Headers();
      exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
      URI uri = exchange.getRequestURI();
      GatewayRequest request = new GatewayRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
          headers, exchange.getProtocol(), "http", exchange.getRemoteAddress().getAddress().getHostAddress(),
          exchange.getLocalAddress().getPort(), exchange.getRequestBody());
      GatewayResponse response;
      try {
        response = endpoint.matches(request)
            ? endpoint.handle(request, UUID.randomUUID().toString())
            : GatewayResponse.json(404, "{\"message\":\"Not Found\"}");
      } catch (Exception e) {
        response = GatewayResponse.json(500, "{\"message\":\"Internal server error\"}");
      }
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body = response.body().bytes();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
