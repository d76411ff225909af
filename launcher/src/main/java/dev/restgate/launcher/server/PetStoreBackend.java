package dev.restgate.launcher.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example API's HTTP backend: a read-only pet store (the pets of AWS's PetStore sample) on a free loopback port.
 * {@code GET /pets} lists them, {@code GET /pets/{id}} returns one or 404.
 */
final class PetStoreBackend implements AutoCloseable {
  private static final List<String> PETS = List.of(
      "{\"id\":1,\"type\":\"dog\",\"price\":249.99}",
      "{\"id\":2,\"type\":\"cat\",\"price\":124.99}",
      "{\"id\":3,\"type\":\"fish\",\"price\":0.99}");
  private static final Pattern PET = Pattern.compile("/pets/([1-9][0-9]{0,8})");

  private final HttpServer server;

  private PetStoreBackend(HttpServer server) {
    this.server = server;
  }

  static PetStoreBackend start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", PetStoreBackend::handle);
    server.start();
    return new PetStoreBackend(server);
  }

  URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 405, "{\"message\":\"Only GET is supported\"}");
      } else if (path.equals("/pets")) {
        respond(exchange, 200, "[" + String.join(",", PETS) + "]");
      } else {
        int id = petId(path);
        if (id >= 1 && id <= PETS.size()) {
          respond(exchange, 200, PETS.get(id - 1));
        } else {
          respond(exchange, 404, "{\"message\":\"Pet not found\"}");
        }
      }
    }
  }

  private static int petId(String path) {
    Matcher pet = PET.matcher(path);
    return pet.matches() ? Integer.parseInt(pet.group(1)) : 0;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
