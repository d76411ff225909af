package dev.restgate.servlet;

import dev.restgate.ConfigReloader;
import dev.restgate.Gateway;
import dev.restgate.ManagedObjects;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.ProblemsException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as a Jakarta Servlet filter. It answers every request it sees itself: invoke URLs, the gateway's
 * service endpoints and {@code GET /_health}; anything else gets the gateway's 403 {@code Missing Authentication
 * Token}, never the container's default servlet. Map it to {@code /*} to give the gateway the whole web application,
 * or to a narrower pattern to share the application with other servlets.
 *
 * <p>Mapped for the {@code ERROR} dispatch too (with an {@code <error-page>} in {@code web.xml}), it turns the
 * container's own error pages (a malformed URI, a missing {@code Host}) into AWS-style JSON.
 *
 * <p>Deployed from {@code web.xml}, it loads the configuration file named by (first found) the filter init-param
 * {@code restgate.config}, the context init-param of that name, the system property of that name, or the environment
 * variable {@code RESTGATE_CONFIG}; the data directory likewise from {@code restgate.data} / {@code RESTGATE_DATA}
 * (default {@code restgate-data} in the working directory). A configuration with problems fails the deployment with
 * every problem logged. While it runs, a {@link ConfigReloader} applies edits to the configuration (checked every
 * {@code restgate.watchInterval} / {@code RESTGATE_WATCH_INTERVAL} seconds, default 2, 0 for never) and reloads on
 * a JMX call. Embedded, it can also be given a started {@link Gateway}.
 */
public class GatewayFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GatewayFilter.class);
  public static final String CONFIG_PARAMETER = "restgate.config";
  public static final String DATA_PARAMETER = "restgate.data";
  public static final String WATCH_PARAMETER = "restgate.watchInterval";
  private static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(2);
  /**
   * A context parameter: {@code false} when whoever starts the web application reports its failure to start itself
   * (the standalone launcher does), so the problems are printed once.
   */
  public static final String LOG_PROBLEMS_PARAMETER = "restgate.logProblems";

  private transient Gateway gateway;
  private transient ConfigReloader reloader;
  private transient ManagedObjects managed;
  private final boolean owned;

  /** For containers: the gateway is built from the configured file in {@link #init(FilterConfig)}. */
  public GatewayFilter() {
    this.owned = true;
  }

  /** For embedding: serves {@code gateway}, which the caller starts and closes. */
  public GatewayFilter(Gateway gateway) {
    this.gateway = gateway;
    this.owned = false;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    if (!owned) {
      return;
    }
    String configLocation = setting(filterConfig, CONFIG_PARAMETER, "RESTGATE_CONFIG");
    if (configLocation == null || configLocation.isBlank()) {
      throw new ServletException("No gateway configuration: set the context parameter or system property "
          + CONFIG_PARAMETER + ", or the environment variable RESTGATE_CONFIG, to the path of a gateway.yaml");
    }
    String dataLocation = setting(filterConfig, DATA_PARAMETER, "RESTGATE_DATA");
    Path data = Path.of(dataLocation == null || dataLocation.isBlank() ? "restgate-data" : dataLocation);
    Duration watchInterval = watchInterval(setting(filterConfig, WATCH_PARAMETER, "RESTGATE_WATCH_INTERVAL"));
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      managed = ManagedObjects.open(ConfigLoader.standard(loader), Path.of(configLocation), data);
      GatewayConfig config = managed.load();
      gateway = Gateway.builder(config).dataDirectory(data).classLoader(loader).managedConfiguration(managed)
          .healthCheck(managed).start();
      reloader = ConfigReloader.start(gateway, managed, Path.of(configLocation), watchInterval);
      managed.serve(reloader::apply);
      LOG.info("Gateway serving {} ({} REST API(s)), data in {}, objects created at run time in {}", configLocation,
          config.restApis().size(), data.toAbsolutePath(), managed.location());
    } catch (ProblemsException e) {
      if (!"false".equals(filterConfig.getServletContext().getInitParameter(LOG_PROBLEMS_PARAMETER))) {
        LOG.error(e.getMessage());
      }
      throw new ServletException(e.getMessage());
    }
  }

  private static Duration watchInterval(String seconds) throws ServletException {
    if (seconds == null || seconds.isBlank()) {
      return DEFAULT_WATCH_INTERVAL;
    }
    try {
      double value = Double.parseDouble(seconds.trim());
      if (value >= 0 && value <= 3600) {
        return Duration.ofMillis(Math.round(value * 1000));
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new ServletException(WATCH_PARAMETER + " must be a number of seconds from 0 (no watching) to 3600, not "
        + seconds);
  }

  private static String setting(FilterConfig filterConfig, String name, String environmentVariable) {
    String value = filterConfig.getInitParameter(name);
    if (value == null) {
      value = filterConfig.getServletContext().getInitParameter(name);
    }
    if (value == null) {
      value = System.getProperty(name);
    }
    if (value == null) {
      value = System.getenv(environmentVariable);
    }
    return value;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      ServletResponses.write(ContainerErrors.render(request), request, response);
      return;
    }
    ServletResponses.write(gateway.handle(ServletRequests.adapt(request)), request, response);
  }

  @Override
  public void destroy() {
    if (reloader != null) {
      reloader.close();
    }
    if (owned && gateway != null) {
      gateway.close();
      LOG.info("Gateway stopped");
    }
    if (managed != null) {
      managed.close();
    }
    super.destroy();
  }
}
