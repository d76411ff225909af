package dev.restgate.internal.deploy;

import dev.restgate.http.HttpMethods;
import dev.restgate.internal.response.GatewayResponses;
import dev.restgate.internal.routing.PathTrie;
import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.Problem;
import dev.restgate.spi.Protection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a deployment's API for a stage into a {@link CompiledDeployment}: one linked chain per method, a route
 * trie, the gateway responses. All parsing and look-ups happen here, once, so the request path only follows
 * references. Problems are collected, not thrown one by one.
 */
final class DeploymentCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentCompiler.class);

  private final PluginRegistry registry;
  private final Services services;
  private final String region;
  private final String accountId;
  private final Set<String> warned = new HashSet<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  DeploymentCompiler(PluginRegistry registry, Services services, String region, String accountId) {
    this.registry = registry;
    this.services = services;
    this.region = region;
    this.accountId = accountId;
  }

  /**
   * Compiles one stage's view of a deployment.
   *
   * @param source names the configuration in problems
   * @param problems receives every error found
   * @return the compiled deployment, or null when {@code problems} gained errors
   */
  CompiledDeployment compile(String deploymentId, RestApi api, Stage stage, Map<String, String> variables,
      String source, List<Problem> problems) {
    int before = problems.size();
    GatewayResponses responses;
    try {
      responses = GatewayResponses.compile(api.gatewayResponses());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(source, "/x-amazon-apigateway-gateway-responses", e.getMessage()));
      return null;
    }
    PathTrie<CompiledResource> routes = new PathTrie<>();
    for (Resource resource : api.resources()) {
      Map<String, CompiledMethod> methods = new LinkedHashMap<>();
      for (Map.Entry<String, Method> entry : resource.resourceMethods().entrySet()) {
        String pointer = operationPointer(resource.path(), entry.getKey());
        CompiledMethod compiled = compileMethod(deploymentId, new Site(api, resource, entry.getValue(), stage,
            region, accountId, services), responses, source, pointer, problems);
        if (compiled != null) {
          methods.put(entry.getKey().toUpperCase(Locale.ROOT), compiled);
        }
      }
      if (!methods.isEmpty()) {
        try {
          routes.add(resource.path(), new CompiledResource(resource, Map.copyOf(methods)));
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(source, "/paths/" + escape(resource.path()), e.getMessage()));
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    Handler unrouted;
    try {
      unrouted = ChainLinker.link(registry.edgePluginsFor(Site.unrouted(api, stage, region, accountId, services),
          this::closeWithDeployment), List.of(), NO_ROUTE, responses);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(source, "", e.getMessage()));
      return null;
    }
    return new CompiledDeployment(accountId, deploymentId, api, routes, responses, Map.copyOf(variables), unrouted);
  }

  /** Where the operation sits in an OpenAPI document, so problems point into the file the user wrote. */
  static String operationPointer(String path, String httpMethod) {
    String operation = httpMethod.equals(HttpMethods.ANY)
        ? "x-amazon-apigateway-any-method"
        : httpMethod.toLowerCase(Locale.ROOT);
    return "/paths/" + escape(path) + "/" + operation;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private CompiledMethod compileMethod(String deploymentId, Site site, GatewayResponses responses, String source,
      String pointer, List<Problem> problems) {
    try {
      Set<Protection> required = Protection.requiredBy(site.api(), site.method());
      Handler integration = integration(site);
      closeWithDeployment(integration);
      PluginRegistry.MethodPlugins plugins = registry.pluginsFor(site, this::closeWithDeployment);
      Set<Protection> unenforced = EnumSet.noneOf(Protection.class);
      unenforced.addAll(required);
      unenforced.removeAll(plugins.enforced());
      if (!unenforced.isEmpty()) {
        warnOnce(deploymentId, site, unenforced);
        return new CompiledMethod(site.resource(), site.method(),
            ChainLinker.link(plugins.edge(), List.of(), UNSERVED, responses));
      }
      return new CompiledMethod(site.resource(), site.method(),
          ChainLinker.link(plugins.edge(), plugins.inner(), ChainLinker.timed(integration), responses));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(source, pointer, e.getMessage()));
      return null;
    } catch (RuntimeException | LinkageError e) {
      // A factory bug: report it with the method it failed on, and keep its stack trace for the log.
      LOG.error("Compiling {} {} of API {} failed", site.method().httpMethod(), site.resource().path(),
          site.api().id(), e);
      problems.add(new Problem(source, pointer, "could not be compiled: " + e));
      return null;
    }
  }

  /** What this compiler built that must be closed with the configuration: the plugins and handlers that can be. */
  List<AutoCloseable> closeables() {
    return closeables;
  }

  private void closeWithDeployment(Object built) {
    if (built instanceof AutoCloseable closeable) {
      closeables.add(closeable);
    }
  }

  /** What a stage answers for a path or method it does not have. */
  private static final Handler NO_ROUTE = exchange -> {
    throw new GatewayException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
  };

  /** Fail closed: a method whose protection nothing enforces is never served. */
  private static final Handler UNSERVED = exchange -> {
    throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
  };

  /** Logs an unenforced method once per compile, however many stages serve its deployment. */
  private void warnOnce(String deploymentId, Site site, Set<Protection> unenforced) {
    String method = site.method().httpMethod() + " " + site.resource().path();
    if (warned.add(site.api().id() + " " + deploymentId + " " + method)) {
      LOG.warn("API {}: {} requires {}, which no plugin on the class path enforces; the method answers 500 and "
          + "serves no request until one does", site.api().id(), method, unenforced);
    }
  }

  private Handler integration(Site site) {
    Integration integration = site.method().methodIntegration();
    if (integration == null || integration.type() == null) {
      throw new IllegalArgumentException("the method has no integration (x-amazon-apigateway-integration)");
    }
    IntegrationFactory factory = registry.integrationFactory(integration.type());
    if (factory == null) {
      // Imported APIs often carry MOCK or non-proxy methods (CORS preflights); serve the rest rather than refuse all.
      LOG.warn("{} {} {}: integration type {} is not available in this gateway; the method answers 500",
          site.api().id(), site.method().httpMethod(), site.resource().path(), integration.type());
      return exchange -> {
        throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
      };
    }
    return factory.create(site);
  }
}
