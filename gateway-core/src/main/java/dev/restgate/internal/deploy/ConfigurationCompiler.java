package dev.restgate.internal.deploy;

import dev.restgate.config.GatewayConfig;
import dev.restgate.internal.integration.HttpClients;
import dev.restgate.internal.routing.RouteTable;
import dev.restgate.internal.lambdaproxy.ProxyEvents;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.HealthCheck;
import dev.restgate.spi.LambdaEvents;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.OutboundHttp;
import dev.restgate.spi.OutboundHttpStats;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.RouteResolver;
import dev.restgate.spi.ServiceCallAuthorizer;
import dev.restgate.spi.ServiceEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Compiles a configuration into a {@link CompiledConfiguration} beside the one being served: every module configures
 * itself for it, then every stage's deployments are compiled. Nothing the running configuration uses is touched, so a
 * configuration that fails leaves the gateway as it was.
 */
public final class ConfigurationCompiler {
  private final List<GatewayModule> modules;
  private final PluginRegistry registry;
  private final HttpClients httpClients;
  private final Path dataDirectory;
  private final Clock clock;
  private final RandomGenerator random;
  private final ManagedConfiguration managed;

  public ConfigurationCompiler(List<GatewayModule> modules, PluginRegistry registry, HttpClients httpClients,
      Path dataDirectory, Clock clock, RandomGenerator random, ManagedConfiguration managed) {
    this.modules = List.copyOf(modules);
    this.registry = registry;
    this.httpClients = httpClients;
    this.dataDirectory = dataDirectory;
    this.clock = clock;
    this.random = random;
    this.managed = managed;
  }

  /**
   * Compiles {@code config}.
   *
   * @throws ProblemsException listing every problem of every module and API; whatever was built is released
   */
  public CompiledConfiguration compile(GatewayConfig config) throws ProblemsException {
    Services services = new Services();
    services.register(HttpClients.class, httpClients);
    services.register(OutboundHttp.class, httpClients);
    services.register(OutboundHttpStats.class, httpClients);
    services.register(LambdaEvents.class, new ProxyEvents());
    if (managed != null) {
      services.register(ManagedConfiguration.class, managed);
    }
    Context context = new Context(config, dataDirectory, clock, services, new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>());
    List<Problem> problems = new ArrayList<>();
    try {
      for (GatewayModule module : modules) {
        try {
          module.configure(context);
        } catch (ProblemsException e) {
          problems.addAll(e.problems());
        }
      }
      RouteTable table = null;
      DeploymentCompiler deployments = new DeploymentCompiler(registry, services, config.region(),
          config.accountId());
      if (problems.isEmpty()) {
        table = new RouteTableCompiler(deployments).compile(config, context.resolvers(), random, problems);
      }
      context.closeables().addAll(deployments.closeables());
      if (!problems.isEmpty()) {
        throw new ProblemsException("The gateway configuration has " + problems.size() + " problem(s):", problems);
      }
      ServiceCallAuthorizer callAuthorizer =
          services.find(ServiceCallAuthorizer.class).orElseGet(UncheckableCalls::new);
      return new CompiledConfiguration(config, table, context.endpoints(), callAuthorizer, services,
          context.closeables(), context.healthChecks());
    } catch (ProblemsException | RuntimeException | Error e) {
      CompiledConfiguration.closeAll(context.closeables());
      throw e;
    }
  }

  private record Context(GatewayConfig config, Path dataDirectory, Clock clock, Services services,
      List<ServiceEndpoint> endpoints, List<RouteResolver> resolvers, List<AutoCloseable> closeables,
      List<HealthCheck> healthChecks) implements ModuleContext {

    @Override
    public void registerHealthCheck(HealthCheck check) {
      healthChecks.add(check);
    }

    @Override
    public void registerEndpoint(ServiceEndpoint endpoint) {
      endpoints.add(endpoint);
    }

    @Override
    public void registerRouteResolver(RouteResolver resolver) {
      resolvers.add(resolver);
    }

    @Override
    public <T> void registerService(Class<T> type, T service) {
      services.register(type, service);
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
      return services.find(type);
    }

    @Override
    public void closeWithConfiguration(AutoCloseable resource) {
      closeables.add(resource);
    }
  }
}
