package dev.restgate.launcher.server;

import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.UriCompliance.Violation;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Builds the Jetty server that runs the gateway WAR at context path {@code /}, as a servlet container would. */
final class EmbeddedJetty {
  /** AWS's longest integration timeout (29 s) plus a second, so a request in flight may finish. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * API Gateway hands the raw path to the API, so encoded slashes ({@code %2F}), empty segments ({@code //}),
   * encoded dots and percent signs must reach the gateway filter instead of being refused with 400.
   */
  static final UriCompliance AWS_PATHS = UriCompliance.DEFAULT.with("RESTGATE",
      Violation.AMBIGUOUS_PATH_SEPARATOR, Violation.AMBIGUOUS_EMPTY_SEGMENT, Violation.AMBIGUOUS_PATH_SEGMENT,
      Violation.AMBIGUOUS_PATH_ENCODING, Violation.SUSPICIOUS_PATH_CHARACTERS);

  /** AWS accepts 10 KiB of header values and URLs of 10240 characters; Jetty's 8 KiB default is too small. */
  private static final int REQUEST_HEADER_SIZE = 16 * 1024;

  private EmbeddedJetty() {}

  /**
   * @param managementPort a second port for the management endpoints, listening on {@code managementHost} only; 0
   *     for none
   */
  static Server create(int port, int managementPort, String managementHost, Path war, Path config, Path dataDir,
      Path tempDir, ServerThreadPool threads) {
    Server server = new Server(threads.pool());
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setSendDateHeader(true);
    http.setUriCompliance(AWS_PATHS);
    http.setRequestHeaderSize(REQUEST_HEADER_SIZE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(port);
    server.addConnector(connector);
    if (managementPort > 0) {
      ServerConnector management = new ServerConnector(server, new HttpConnectionFactory(http));
      management.setName("management");
      management.setHost(managementHost);
      management.setPort(managementPort);
      server.addConnector(management);
    }

    WebAppContext webapp = new WebAppContext();
    webapp.setContextPath("/");
    webapp.setWar(war.toString());
    webapp.setTempDirectory(tempDir.toFile());
    webapp.setInitParameter("restgate.config", config.toString());
    webapp.setInitParameter("restgate.data", dataDir.toString());
    // The launcher prints why the gateway could not start, once: neither the filter nor Jetty repeat it.
    webapp.setInitParameter("restgate.logProblems", "false");
    // Fail the start rather than serve 503s when the gateway cannot load its configuration.
    webapp.setThrowUnavailableOnStartupException(true);
    webapp.setLogUrlOnStart(false);
    webapp.getServletHandler().setDecodeAmbiguousURIs(true);

    server.setHandler(new GracefulHandler(webapp));
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    server.setStopAtShutdown(false);
    return server;
  }
}
