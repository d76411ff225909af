package dev.restgate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.GatewayConfig;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.internal.deploy.CompiledConfiguration;
import dev.restgate.internal.deploy.ConfigurationCompiler;
import dev.restgate.internal.deploy.PluginRegistry;
import dev.restgate.internal.integration.HttpClients;
import dev.restgate.internal.response.GatewayResponses;
import dev.restgate.internal.response.Outcomes;
import dev.restgate.internal.routing.Resolution;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.HealthCheck;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.RequestIds;
import dev.restgate.spi.ServiceCall;
import dev.restgate.spi.ServiceEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A running gateway: the modules and plugin factories found on the class path, the compiled configuration it serves,
 * and {@link #handle}, which answers one request. Container-neutral: the servlet filter (or a test) adapts requests
 * to it. {@link #reload} swaps in another configuration without a restart.
 *
 * <p>Thread-safe. {@link #handle} never throws: every failure becomes an AWS-style response.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  /** The gateway's own health check (liveness), answered when no invoke URL claims the request. */
  public static final String HEALTH_PATH = "/_health";
  /** The readiness probe: the configuration is served and what it needs (shared stores) answers. */
  public static final String READY_PATH = "/_health/ready";
  /** Picks canary requests unless a test injects its own source. */
  private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

  private final Clock clock;
  private final List<GatewayModule> modules;
  private final HttpClients httpClients;
  private final ConfigurationCompiler compiler;
  private final AtomicReference<CompiledConfiguration> serving;
  private final List<HealthCheck> healthChecks;

  private Gateway(Clock clock, List<GatewayModule> modules, HttpClients httpClients, ConfigurationCompiler compiler,
      CompiledConfiguration first, List<HealthCheck> healthChecks) {
    this.clock = clock;
    this.healthChecks = List.copyOf(healthChecks);
    this.modules = modules;
    this.httpClients = httpClients;
    this.compiler = compiler;
    this.serving = new AtomicReference<>(first);
  }

  /**
   * Starts a gateway: finds the modules and plugins on the class path of {@code loader}, then compiles every API
   * stage of {@code config}.
   *
   * @param dataDirectory where state that must survive a restart goes; created when missing
   * @throws ProblemsException listing every problem of every module and API; nothing is left running
   */
  public static Gateway start(GatewayConfig config, Path dataDirectory, Clock clock, ClassLoader loader)
      throws ProblemsException {
    return builder(config).dataDirectory(dataDirectory).clock(clock).classLoader(loader).start();
  }

  /** A gateway for {@code config}, with the data directory, clock, class loader and random source to set. */
  public static Builder builder(GatewayConfig config) {
    return new Builder(config);
  }

  /** The configuration this gateway serves. */
  public GatewayConfig config() {
    return serving.get().config();
  }

  /**
   * The service of {@code type} that the gateway or a module registered for the configuration being served, such as
   * {@link dev.restgate.spi.StageCaches}; empty when no installed module provides one.
   */
  public <T> Optional<T> service(Class<T> type) {
    return serving.get().services().find(type);
  }

  /**
   * Swaps in {@code next}: compiles it beside the running configuration, then serves it from the next request on.
   * Requests in flight finish on the configuration they started with, which is released after the last of them.
   * State that modules keep (usage counters, caches) carries over. Reloads are applied one at a time.
   *
   * @throws ProblemsException listing every problem of {@code next}; the running configuration stays in place
   */
  public synchronized void reload(GatewayConfig next) throws ProblemsException {
    CompiledConfiguration compiled = compiler.compile(next);
    serving.getAndSet(compiled).retire();
    LOG.debug("Configuration swapped in: {} REST API(s)", next.restApis().size());
  }

  /**
   * Answers one request: an invoke URL first (it always wins, even for a stage named like one of the gateway's own
   * paths), else a service endpoint (the Lambda Invoke API), else {@code GET /_health}; anything else is answered 403
   * {@code Missing Authentication Token}, as AWS answers a URL it does not serve. The caller closes the response's
   * body when it is done with it (writing it does), which ends the request.
   */
  public GatewayResponse handle(GatewayRequest request) {
    CompiledConfiguration configuration = enter();
    GatewayResponse response;
    try {
      response = dispatch(configuration, request);
    } catch (RuntimeException | Error e) {
      configuration.exit();
      throw e;
    }
    return new GatewayResponse(response.status(), response.headers(), Body.observed(response.body(), null,
        configuration::exit));
  }

  /** The configuration being served, counted in; retried when a swap happened in between. */
  private CompiledConfiguration enter() {
    while (true) {
      CompiledConfiguration configuration = serving.get();
      configuration.enter();
      if (serving.get() == configuration) {
        return configuration;
      }
      configuration.exit();
    }
  }

  private GatewayResponse dispatch(CompiledConfiguration configuration, GatewayRequest request) {
    Resolution resolution = configuration.routes().resolve(request);
    if (resolution == null) {
      for (ServiceEndpoint endpoint : configuration.endpoints()) {
        if (endpoint.matches(request)) {
          return serviceCall(endpoint, request, configuration);
        }
      }
      if ("GET".equals(request.method()) && HEALTH_PATH.equals(request.rawPath())) {
        return health();
      }
      if ("GET".equals(request.method()) && READY_PATH.equals(request.rawPath())) {
        return ready(configuration);
      }
      return unserved();
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
    if (resolution.outcome() == Resolution.Outcome.UNMAPPED) {
      return GatewayResponses.DEFAULTS.render(
          new GatewayException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN), exchange);
    }
    exchange.route(resolution.match());
    GatewayResponses responses = resolution.deployment().responses();
    try {
      if (resolution.outcome() == Resolution.Outcome.NO_ROUTE) {
        return resolution.deployment().unrouted().handle(exchange);
      }
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

  /**
   * The readiness probe: {@code 200} with every check {@code UP}, else {@code 503} naming what is not ready and
   * why. The configuration check says how many APIs are served.
   */
  private GatewayResponse ready(CompiledConfiguration configuration) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode checks = JsonNodeFactory.instance.arrayNode();
    checks.addObject().put("name", "configuration").put("status", "UP")
        .put("detail", configuration.config().restApis().size() + " REST API(s)");
    boolean ready = true;
    List<HealthCheck> all = new ArrayList<>(healthChecks);
    all.addAll(configuration.healthChecks());
    for (HealthCheck check : all) {
      Optional<String> problem;
      try {
        problem = check.problem();
      } catch (RuntimeException e) {
        problem = Optional.of(String.valueOf(e));
      }
      ObjectNode entry = checks.addObject().put("name", check.name()).put("status", problem.isEmpty() ? "UP" : "DOWN");
      problem.ifPresent(reason -> entry.put("reason", reason));
      ready &= problem.isEmpty();
    }
    body.put("status", ready ? "UP" : "DOWN");
    body.set("checks", checks);
    GatewayResponse response = GatewayResponse.json(ready ? 200 : 503, body.toString());
    response.headers().add("Cache-Control", "no-store");
    return response;
  }

  /** A URL the gateway does not serve: AWS's answer for a path no API has, never the container's. */
  private static GatewayResponse unserved() {
    GatewayResponseType type = GatewayResponseType.MISSING_AUTHENTICATION_TOKEN;
    GatewayResponse response = GatewayResponse.json(type.defaultStatus(), type.defaultBody(type.defaultMessage()));
    response.headers().add("x-amzn-ErrorType", type.errorType());
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

  private GatewayResponse serviceCall(ServiceEndpoint endpoint, GatewayRequest request,
      CompiledConfiguration configuration) {
    String requestId = RequestIds.requestId();
    MDC.put("requestId", requestId);
    GatewayResponse response;
    try {
      response = endpoint.handle(new ServiceCall(request, requestId, configuration.callAuthorizer(),
          configuration.services()));
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

  /**
   * Stops serving: releases the configuration being served, then stops the modules (in reverse order) and the HTTP
   * clients. Call it once requests have stopped coming.
   */
  @Override
  public synchronized void close() {
    serving.get().close();
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

  /** Sets up a {@link Gateway}: where its data lives, its clock, where modules are found, its random source. */
  public static final class Builder {
    private final GatewayConfig config;
    private Path dataDirectory = Path.of("restgate-data");
    private Clock clock = Clock.systemUTC();
    private ClassLoader classLoader = Gateway.class.getClassLoader();
    private RandomGenerator random = THREAD_LOCAL_RANDOM;
    private ManagedConfiguration managed;
    private final List<HealthCheck> healthChecks = new ArrayList<>();

    private Builder(GatewayConfig config) {
      this.config = Objects.requireNonNull(config);
    }

    /** Where state that must survive a restart goes; created when missing. Default {@code restgate-data}. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory);
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** Where {@link ServiceLoader} looks for modules, plugin factories and integration factories. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader);
      return this;
    }

    /** The source of canary picks; shared by all request threads, so it must be thread-safe. */
    public Builder random(RandomGenerator source) {
      this.random = Objects.requireNonNull(source);
      return this;
    }

    /**
     * The objects created at run time that the configuration includes, offered to modules (the control plane) as
     * a service of every configuration; none by default, so nothing can be created at run time.
     */
    public Builder managedConfiguration(ManagedConfiguration objects) {
      this.managed = Objects.requireNonNull(objects);
      return this;
    }

    /** Adds {@code check} to the readiness probe for as long as the gateway runs (a store outside the modules). */
    public Builder healthCheck(HealthCheck check) {
      healthChecks.add(Objects.requireNonNull(check));
      return this;
    }

    /**
     * Starts the gateway.
     *
     * @throws ProblemsException listing every problem of every module and API; nothing is left running
     */
    public Gateway start() throws ProblemsException {
      List<GatewayModule> modules = new ArrayList<>();
      HttpClients httpClients = null;
      boolean started = false;
      try {
        Files.createDirectories(dataDirectory);
        httpClients = HttpClients.start();
        ServiceLoader.load(GatewayModule.class, classLoader).forEach(modules::add);
        List<Problem> problems = new ArrayList<>();
        PluginRegistry registry = PluginRegistry.discover(classLoader, problems);
        if (!problems.isEmpty()) {
          throw new ProblemsException("The gateway's plugins conflict:", problems);
        }
        ConfigurationCompiler compiler = new ConfigurationCompiler(modules, registry, httpClients, dataDirectory,
            clock, random, managed);
        Gateway gateway = new Gateway(clock, List.copyOf(modules), httpClients, compiler, compiler.compile(config),
            healthChecks);
        modules.forEach(module -> LOG.info("Module {} started", module.name()));
        started = true;
        return gateway;
      } catch (ProblemsException e) {
        throw e;
      } catch (Exception e) {
        LOG.error("The gateway could not start", e);
        throw new ProblemsException("The gateway could not start:",
            List.of(new Problem(null, "", String.valueOf(e))));
      } finally {
        if (!started) {
          closeAll(modules, httpClients);
        }
      }
    }
  }
}
