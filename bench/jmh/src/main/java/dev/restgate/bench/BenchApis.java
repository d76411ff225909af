package dev.restgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.internal.deploy.ConfigurationCompiler;
import dev.restgate.internal.deploy.PluginRegistry;
import dev.restgate.internal.integration.HttpClients;
import dev.restgate.internal.routing.RouteTable;
import dev.restgate.model.Deployment;
import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Configurations of any size for the benchmarks: one API ({@link #API_ID}, stage {@link #STAGE}) whose routes come in
 * families of ten resources around a collection, the shape of a typical REST resource tree: literal segments,
 * {@code {id}} parameters, nested collections and a greedy {@code {path+}}. The first family's collection is
 * {@code users}, so the paths of {@link #PATHS} exist whatever the size.
 */
public final class BenchApis {
  public static final String API_ID = "bench0api1";
  public static final String STAGE = "prod";
  public static final String HOST = API_ID + ".execute-api.us-east-1.amazonaws.com";

  /** A request path below the stage per kind of match, all in the first family. */
  public static final Map<String, String> PATHS = Map.of(
      "literal", "/users/search",
      "param", "/users/42/history/1001",
      "greedy", "/users/42/files/docs/2024/q3/report.pdf",
      "miss", "/users/42/unknown");

  private static final String[] COLLECTIONS = {"users", "orders", "products", "carts", "payments", "invoices",
      "shipments", "reviews", "coupons", "stores", "accounts", "devices", "sessions", "tickets", "reports", "events",
      "teams", "projects", "tasks", "comments"};

  /** One family: each template with its methods; {@code %s} is the collection. */
  private static final String[][] FAMILY = {
      {"/%s", "GET", "POST"},
      {"/%s/search", "GET"},
      {"/%s/export", "POST"},
      {"/%s/{id}", "GET", "PUT", "DELETE"},
      {"/%s/{id}/settings", "GET", "PATCH"},
      {"/%s/{id}/avatar", "GET", "PUT"},
      {"/%s/{id}/history", "GET"},
      {"/%s/{id}/history/{entryId}", "GET", "PUT"},
      {"/%s/{id}/history/{entryId}/notes", "GET", "POST"},
      {"/%s/{id}/files/{path+}", "GET", "PUT"}};

  private static final Integration NOOP = new Integration(NoopIntegrationFactory.TYPE, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null);

  private BenchApis() {}

  /**
   * The API with {@code routes} resources that have methods (a multiple of ten).
   *
   * @param extensions API-level plugin configuration
   */
  public static RestApi api(int routes, Map<String, JsonNode> extensions) {
    List<Resource> resources = new ArrayList<>();
    resources.add(new Resource("root000000", null, null, "/", Map.of()));
    for (int family = 0; family * FAMILY.length < routes; family++) {
      String collection = COLLECTIONS[family % COLLECTIONS.length]
          + (family < COLLECTIONS.length ? "" : "-v" + (family / COLLECTIONS.length + 1));
      for (String[] template : FAMILY) {
        String path = String.format(template[0], collection);
        Map<String, Method> methods = new LinkedHashMap<>();
        for (int i = 1; i < template.length; i++) {
          methods.put(template[i], new Method(template[i], "NONE", null, false, null, null, null, null, null, NOOP,
              null, null));
        }
        resources.add(new Resource(String.format("r%09d", resources.size()), null,
            path.substring(path.lastIndexOf('/') + 1), path, methods));
      }
    }
    return new RestApi(API_ID, "bench", null, "1", List.of("image/png", "application/octet-stream"), null, null,
        null, null, null, null, null, resources, null, null, null, null, null, extensions);
  }

  /** A configuration serving {@code api} on {@link #STAGE} with these stage variables. */
  public static GatewayConfig config(RestApi api, Map<String, String> stageVariables) {
    Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, api);
    Stage stage = new Stage(STAGE, deployment.id(), null, stageVariables, null, null, null, null, null, null, null);
    return GatewayConfig.builder().restApi(new ApiConfig(API_ID, List.of(deployment), List.of(stage))).build();
  }

  /**
   * Compiles {@code config} as {@code Gateway.start} does, with the factories on the benchmark's class path (the
   * core's integrations, {@link NoopIntegrationFactory} and {@link PassThroughPluginFactory}) and no modules.
   */
  public static RouteTable routeTable(GatewayConfig config) {
    List<Problem> problems = new ArrayList<>();
    PluginRegistry registry = PluginRegistry.discover(BenchApis.class.getClassLoader(), problems);
    try {
      Path data = Files.createTempDirectory("restgate-bench");
      return new ConfigurationCompiler(List.of(), registry, HttpClients.start(), data, Clock.systemUTC(),
          () -> ThreadLocalRandom.current().nextLong(), null).compile(config).routes();
    } catch (ProblemsException e) {
      throw new IllegalStateException("the benchmark configuration does not compile: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot compile the benchmark configuration", e);
    }
  }
}
