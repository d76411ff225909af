package dev.restgate.lambda;

import dev.restgate.config.GatewayConfig;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.spi.HealthCheck;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.RouteResolver;
import dev.restgate.spi.ServiceEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ModuleContext} that keeps what a module registers; {@link #close()} releases the configuration as the
 * gateway does when it is no longer served.
 */
final class TestModuleContext implements ModuleContext, AutoCloseable {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  final Map<Class<?>, Object> services = new HashMap<>();
  final List<ServiceEndpoint> endpoints = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final GatewayConfig config;
  private final Clock clock;

  TestModuleContext(LambdaConfig lambda, Clock clock) {
    this(gatewayConfig(lambda, null), clock);
  }

  TestModuleContext(GatewayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  static GatewayConfig gatewayConfig(LambdaConfig lambda, Path source) {
    return GatewayConfig.builder().region(REGION).accountId(ACCOUNT).section(LambdaConfig.class, lambda)
        .source(source).build();
  }

  /** The one invoker the module registered. */
  LambdaInvoker invoker() {
    return (LambdaInvoker) services.get(LambdaInvoker.class);
  }

  /** The one endpoint the module registered. */
  ServiceEndpoint endpoint() {
    return endpoints.get(0);
  }

  @Override
  public GatewayConfig config() {
    return config;
  }

  @Override
  public Path dataDirectory() {
    return Path.of("target");
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void registerEndpoint(ServiceEndpoint endpoint) {
    endpoints.add(endpoint);
  }

  @Override
  public void registerRouteResolver(RouteResolver resolver) {
    throw new UnsupportedOperationException("the lambda module routes nothing");
  }

  @Override
  public void registerHealthCheck(HealthCheck check) {
    throw new UnsupportedOperationException("the lambda module needs no shared store");
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return Optional.ofNullable(type.cast(services.get(type)));
  }

  @Override
  public void closeWithConfiguration(AutoCloseable resource) {
    closeables.add(resource);
  }

  @Override
  public void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  @Override
  public <T> void registerService(Class<T> type, T service) {
    if (services.putIfAbsent(type, service) != null) {
      throw new IllegalStateException("a " + type.getSimpleName() + " is already registered");
    }
  }
}
