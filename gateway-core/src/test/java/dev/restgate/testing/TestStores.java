package dev.restgate.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Redis and PostgreSQL for tests. Addresses come from {@code RESTGATE_TEST_REDIS} (a
 * {@code redis://} URI) and {@code RESTGATE_TEST_POSTGRES} (a JDBC URL; user {@value #POSTGRES_USER}, trust
 * authentication); CI sets both. A server that does not answer fails the test when its variable is set, and skips
 * it, saying why, when the test fell back to the default address.
 */
public final class TestStores {
  public static final String POSTGRES_USER = "postgres";

  private TestStores() {}

  /** The Redis URI, once Redis accepts connections there. */
  public static String redisUri() {
    String uri = System.getenv().getOrDefault("RESTGATE_TEST_REDIS", "redis://127.0.0.1:6379");
    URI parsed = URI.create(uri);
    reachable("RESTGATE_TEST_REDIS", "Redis at " + uri, parsed.getHost(), parsed.getPort());
    return uri;
  }

  /** The JDBC URL of the test database, once PostgreSQL accepts connections there. */
  public static String postgresUrl() {
    String url = System.getenv().getOrDefault("RESTGATE_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/test");
    URI parsed = URI.create(url.substring("jdbc:".length()));
    reachable("RESTGATE_TEST_POSTGRES", "PostgreSQL at " + url, parsed.getHost(),
        parsed.getPort() < 0 ? 5432 : parsed.getPort());
    return url;
  }

  private static void reachable(String variable, String what, String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
    } catch (IOException e) {
      String message = what + " does not answer (" + e.getMessage() + ")";
      if (System.getenv(variable) != null) {
        fail(message + "; " + variable + " names it, so this test needs it running");
      }
      Assumptions.abort(message + "; start it, or set " + variable + " to another server, to run this test");
    }
  }
}
