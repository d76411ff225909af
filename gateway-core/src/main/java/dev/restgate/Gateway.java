package dev.restgate;

import dev.restgate.config.GatewayConfig;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.internal.deploy.DeploymentCompiler;
import dev.restgate.internal.deploy.PluginRegistry;
import dev.restgate.internal.deploy.RouteTableCompiler;
import dev.restgate.internal.deploy.Services;
import dev.restgate.internal.integration.HttpClients;
import dev.restgate.internal.response.GatewayResponses;
import dev.restgate.internal.response.Outcomes;
import dev.restgate.internal.routing.Resolution;
import dev.restgate.internal.routing.RouteTable;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.RequestIds;
import dev.restgate.spi.ServiceEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A running gateway: the modules found on the class path, the compiled route table, and {@link #handle}, which answers
 * one request. Container-neutral: the servlet filter (or a test) adapts requests to it.
 *
 * <p>Thread-safe. {@link #handle} never throws: every failure becomes an AWS-style response.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  /** The gateway's own health check, answered when no invoke URL claims the request. */
  public static final String HEALTH_PATH = "/_health";

  private final GatewayConfig config;
  private final Clock clock;
  private final List<GatewayModule> modules;
  private final List<ServiceEndpoint> endpoints;
  private final HttpClients httpClients;
  private final AtomicReference<RouteTable> routes;

  private Gateway(GatewayConfig config, Clock clock, List<GatewayModule> modules, List<ServiceEndpoint> endpoints,
      HttpClients httpClients, RouteTable routes) {
    this.config = config;
    this.clock = clock;
    this.modules = modules;
    this.endpoints = endpoints;
    this.httpClients = httpClients;
    this.routes = new AtomicReference<>(routes);
  }

  /**
   * Starts a gateway: starts the modules on the class path of {@code loader}, then compiles every API stage.
   *
   * @param dataDirectory where state that must survive a restart goes; created when missing
   * @throws ProblemsException listing every problem of every module and API; nothing is left running
   */
  public static Gateway start(GatewayConfig config, Path dataDirectory, Clock clock, ClassLoader loader)
      throws ProblemsException {
    List<GatewayModule> started = new ArrayList<>();
    HttpClients httpClients = null;
    try {
      Files.createDirectories(dataDirectory);
      Services services = new Services();
      httpClients = HttpClients.start();
      services.register(HttpClients.class, httpClients);
      services.register(GatewayConfig.class, config);
      List<ServiceEndpoint> endpoints = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      ModuleContext context = new Context(config, dataDirectory, clock, services, endpoints);
      for (GatewayModule module : ServiceLoader.load(GatewayModule.class, loader)) {
        try {
          module.start(context);
          started.add(module);
          LOG.info("Module {} started", module.name());
        } catch (ProblemsException e) {
          problems.addAll(e.problems());
        }
      }
      PluginRegistry registry = PluginRegistry.discover(loader, problems);
      RouteTable table = new RouteTableCompiler(
          new DeploymentCompiler(registry, services, config.region(), config.accountId())).compile(config, problems);
      if (!problems.isEmpty()) {
        throw new ProblemsException("The gateway configuration has " + problems.size() + " problem(s):", problems);
      }
      Gateway gateway = new Gateway(config, clock, List.copyOf(started), List.copyOf(endpoints), httpClients, table);
      started = List.of();
      httpClients = null;
      return gateway;
    } catch (ProblemsException e) {
      throw e;
    } catch (Exception e) {
      LOG.error("The gateway could not start", e);
      throw new ProblemsException("The gateway could not start:",
          List.of(new Problem(null, "", String.valueOf(e))));
    } finally {
      closeAll(started, httpClients);
    }
  }

  /** The configuration this gateway serves. */
  public GatewayConfig config() {
    return config;
  }

  /**
   * Answers one request: an invoke URL first (it always wins, even for a stage named like one of the gateway's own
   * paths), else a service endpoint (the Lambda Invoke API), else {@code GET /_health}; anything else is answered 403
   * {@code Missing Authentication Token}, as AWS answers a URL it does not serve.
   */
  public GatewayResponse handle(GatewayRequest request) {
    Resolution resolution = routes.get().resolve(request);
    if (resolution == null) {
      for (ServiceEndpoint endpoint : endpoints) {
        if (endpoint.matches(request)) {
          return serviceCall(endpoint, request);
        }
      }
      return HEALTH_PATH.equals(request.rawPath()) && "GET".equals(request.method()) ? health() : unserved();
    }
    Exchange exchange = new Exchange(request, RequestIds.requestId(), RequestIds.extendedRequestId(), clock.instant());
    MDC.put("requestId", exchange.requestId());
    try {
      return stamp(invoke(resolution, exchange), exchange);
    } finally {
      MDC.remove("requestId");
    }
  }

  private GatewayResponse invoke(Resolution resolution, Exchange exchange) {
    if (resolution.outcome() == Resolution.Outcome.UNKNOWN_STAGE) {
      return forbidden();
    }
    exchange.route(resolution.match());
    GatewayResponses responses = resolution.deployment().responses();
    if (resolution.outcome() == Resolution.Outcome.NO_ROUTE) {
      return responses.render(new GatewayException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN), exchange);
    }
    try {
      return resolution.method().chain().handle(exchange);
    } catch (Exception | LinkageError e) {
      // Only an EDGE plugin gets here: the chain renders every failure behind it.
      return Outcomes.render(e, exchange, responses);
    }
  }

  private static GatewayResponse health() {
    GatewayResponse response = GatewayResponse.json(200, "{\"status\":\"UP\"}");
    response.headers().add("Cache-Control", "no-store");
    return response;
  }

  /** A URL the gateway does not serve: AWS's answer for a path no API has, never the container's. */
  private static GatewayResponse unserved() {
    GatewayResponse response = GatewayResponse.json(403, "{\"message\":\"Missing Authentication Token\"}");
    response.headers().add("x-amzn-ErrorType", "MissingAuthenticationTokenException");
    response.headers().add("x-amzn-RequestId", RequestIds.requestId());
    return response;
  }

  /** Unknown API or stage: AWS answers a plain ForbiddenException that no gateway response customises. */
  private static GatewayResponse forbidden() {
    GatewayResponse response = GatewayResponse.json(403, "{\"message\":\"Forbidden\"}");
    response.headers().add("x-amzn-ErrorType", "ForbiddenException");
    return response;
  }

  private static GatewayResponse stamp(GatewayResponse response, Exchange exchange) {
    response.headers().set("x-amzn-RequestId", exchange.requestId());
    response.headers().set("x-amz-apigw-id", exchange.extendedRequestId());
    if (!response.headers().contains("Content-Type")) {
      response.headers().add("Content-Type", "application/json");
    }
    return response;
  }

  private GatewayResponse serviceCall(ServiceEndpoint endpoint, GatewayRequest request) {
    String requestId = RequestIds.requestId();
    MDC.put("requestId", requestId);
    GatewayResponse response;
    try {
      response = endpoint.handle(request, requestId);
    } catch (Exception | LinkageError e) {
      LOG.error("{} {} failed", request.method(), request.rawPath(), e);
      response = GatewayResponse.json(500, "{\"message\":\"Internal server error\"}");
      response.headers().add("x-amzn-ErrorType", "ServiceException");
    } finally {
      MDC.remove("requestId");
    }
    if (!response.headers().contains("x-amzn-RequestId")) {
      response.headers().add("x-amzn-RequestId", requestId);
    }
    return response;
  }

  /** Stops the modules (in reverse order) and the HTTP clients. */
  @Override
  public void close() {
    closeAll(modules, httpClients);
  }

  private static void closeAll(List<GatewayModule> modules, HttpClients httpClients) {
    for (int i = modules.size() - 1; i >= 0; i--) {
      try {
        modules.get(i).close();
      } catch (RuntimeException e) {
        LOG.warn("Module {} did not close cleanly", modules.get(i).name(), e);
      }
    }
    if (httpClients != null) {
      try {
        httpClients.close();
      } catch (Exception e) {
        LOG.warn("HTTP clients did not stop cleanly", e);
      }
    }
  }

  private record Context(GatewayConfig config, Path dataDirectory, Clock clock, Services services,
      List<ServiceEndpoint> endpoints) implements ModuleContext {

    @Override
    public void registerEndpoint(ServiceEndpoint endpoint) {
      endpoints.add(endpoint);
    }

    @Override
    public <T> void registerService(Class<T> type, T service) {
      services.register(type, service);
    }
  }
}
