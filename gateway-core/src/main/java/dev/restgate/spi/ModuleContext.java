package dev.restgate.spi;

import dev.restgate.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What a {@link GatewayModule} sees while it configures itself for one configuration, and where it registers what
 * that configuration needs. Everything registered here belongs to this configuration alone: it is served when the
 * configuration is, and released when the configuration is no longer served.
 */
public interface ModuleContext {

  /** The configuration being compiled, APIs imported. */
  GatewayConfig config();

  /** The directory for state that must survive a restart; exists. */
  Path dataDirectory();

  Clock clock();

  /** Serves {@code endpoint} beside the invoke URLs (an AWS-style API such as the Lambda Invoke API). */
  void registerEndpoint(ServiceEndpoint endpoint);

  /** Consults {@code resolver} for every request before the invoke-URL forms (custom domains). */
  void registerRouteResolver(RouteResolver resolver);

  /** Adds {@code check} to the readiness probe ({@code GET /_health/ready}) while this configuration is served. */
  void registerHealthCheck(HealthCheck check);

  /**
   * Makes {@code service} available to plugin and integration factories ({@link MethodSite#service}) and to the
   * modules configured after this one ({@link #service}).
   *
   * @throws IllegalStateException when a service of {@code type} is already registered
   */
  <T> void registerService(Class<T> type, T service);

  /**
   * The service of {@code type}: the gateway's own ({@link OutboundHttp}, {@link OutboundHttpStats},
   * {@link LambdaEvents}) or one a module configured before this one registered.
   */
  <T> Optional<T> service(Class<T> type);

  /**
   * Closes {@code resource} when this configuration is no longer served and its last request has finished, when
   * the configuration is refused, or when the gateway stops: the place for per-configuration state (class loaders,
   * clients built from this configuration's settings).
   */
  void closeWithConfiguration(AutoCloseable resource);
}
