package dev.restgate.internal.deploy;

import dev.restgate.config.GatewayConfig;
import dev.restgate.internal.routing.RouteTable;
import dev.restgate.spi.HealthCheck;
import dev.restgate.spi.ServiceCallAuthorizer;
import dev.restgate.spi.ServiceEndpoint;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything compiled from one configuration: the route table with its chains, the service endpoints, and what must
 * be released when the configuration is no longer served (modules' per-configuration state, closeable plugins). The
 * gateway serves one at a time and swaps in the next atomically; requests in flight finish on the one they started
 * with, which is closed when the last of them has finished.
 */
public final class CompiledConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CompiledConfiguration.class);

  private final GatewayConfig config;
  private final RouteTable routes;
  private final List<ServiceEndpoint> endpoints;
  private final ServiceCallAuthorizer callAuthorizer;
  private final Services services;
  private final List<AutoCloseable> closeables;
  private final List<HealthCheck> healthChecks;
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean retired;

  CompiledConfiguration(GatewayConfig config, RouteTable routes, List<ServiceEndpoint> endpoints,
      ServiceCallAuthorizer callAuthorizer, Services services, List<AutoCloseable> closeables,
      List<HealthCheck> healthChecks) {
    this.config = config;
    this.routes = routes;
    this.endpoints = List.copyOf(endpoints);
    this.callAuthorizer = callAuthorizer;
    this.services = services;
    this.closeables = List.copyOf(closeables);
    this.healthChecks = List.copyOf(healthChecks);
  }

  /** What the readiness probe checks for this configuration. */
  public List<HealthCheck> healthChecks() {
    return healthChecks;
  }

  public GatewayConfig config() {
    return config;
  }

  public RouteTable routes() {
    return routes;
  }

  /** The service endpoints, consulted in order for requests that are not invoke URLs. */
  public List<ServiceEndpoint> endpoints() {
    return endpoints;
  }

  /** Checks the signatures of calls to the service endpoints; refuses every call when no module does. */
  public ServiceCallAuthorizer callAuthorizer() {
    return callAuthorizer;
  }

  /** The services the gateway and the modules registered for this configuration. */
  public Services services() {
    return services;
  }

  /** Counts a request in; the caller then checks that this is still the configuration being served. */
  public void enter() {
    inFlight.incrementAndGet();
  }

  /** Counts a request out; the last one out of a retired configuration closes it. */
  public void exit() {
    if (inFlight.decrementAndGet() == 0 && retired) {
      close();
    }
  }

  /** No new request will enter: closes now when none is in flight, else when the last one exits. */
  public void retire() {
    retired = true;
    if (inFlight.get() == 0) {
      close();
    }
  }

  /** Releases what the configuration holds, last registered first; once. */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeAll(closeables);
  }

  static void closeAll(List<AutoCloseable> closeables) {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.warn("{} did not close cleanly", closeables.get(i), e);
      }
    }
  }
}
