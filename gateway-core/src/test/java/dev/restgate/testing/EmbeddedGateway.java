package dev.restgate.testing;

import dev.restgate.Gateway;
import dev.restgate.config.GatewayConfig;
import dev.restgate.servlet.GatewayFilter;
import dev.restgate.spi.ProblemsException;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A gateway behind a real embedded Jetty on a random loopback port, serving through {@link GatewayFilter} exactly as
 * in a container. For tests of this and other modules.
 */
public final class EmbeddedGateway implements AutoCloseable {
  private final Gateway gateway;
  private final Server server;
  private final int port;

  private EmbeddedGateway(Gateway gateway, Server server, int port) {
    this.gateway = gateway;
    this.server = server;
    this.port = port;
  }

  /** Starts a gateway for {@code config} with the modules and plugins on the test class path. */
  public static EmbeddedGateway start(GatewayConfig config, Path dataDirectory) throws Exception {
    return start(config, dataDirectory, Clock.systemUTC(), EmbeddedGateway.class.getClassLoader());
  }

  /**
   * Starts a gateway with the modules and plugins {@code loader} finds.
   *
   * @param loader where {@link java.util.ServiceLoader} looks for modules, plugins and integrations
   */
  public static EmbeddedGateway start(GatewayConfig config, Path dataDirectory, ClassLoader loader) throws Exception {
    return start(config, dataDirectory, Clock.systemUTC(), loader);
  }

  public static EmbeddedGateway start(GatewayConfig config, Path dataDirectory, Clock clock, ClassLoader loader)
      throws Exception {
    return start(Gateway.builder(config).dataDirectory(dataDirectory).clock(clock).classLoader(loader));
  }

  /** Starts the gateway {@code builder} describes. */
  public static EmbeddedGateway start(Gateway.Builder builder) throws Exception {
    Gateway gateway;
    try {
      gateway = builder.start();
    } catch (ProblemsException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setDecodeAmbiguousURIs(true);
    context.addFilter(new FilterHolder(new GatewayFilter(gateway)), "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      gateway.close();
      throw e;
    }
    return new EmbeddedGateway(gateway, server, connector.getLocalPort());
  }

  public Gateway gateway() {
    return gateway;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The {@code /restapis/{api}/{stage}/_user_request_{path}} URL of a route. */
  public URI userRequest(String apiId, String stage, String path) {
    return uri("/restapis/" + apiId + "/" + stage + "/_user_request_" + path);
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      gateway.close();
    }
  }
}
