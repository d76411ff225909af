package dev.restgate.examples.hostrouting;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code hostRoutes}, a top-level section this module adds to {@code gateway.yaml}:
 *
 * <pre>
 * hostRoutes:
 *   - {host: pets.example.test, restApiId: petstore01, stage: prod}
 *   - {host: api.example.test, basePath: v1, restApiId: petstore01, stage: prod}
 * </pre>
 *
 * Every problem is reported at its JSON pointer: a stage that is not configured, a host or base path that is not
 * valid, the same host and base path twice.
 */
public final class HostRoutesSection implements ConfigSection<HostRoutes> {
  private static final List<String> KEYS = List.of("host", "basePath", "restApiId", "stage");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9-]+)*");
  private static final Pattern BASE_PATH = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

  @Override
  public List<String> keys() {
    return List.of("hostRoutes");
  }

  @Override
  public Class<HostRoutes> type() {
    return HostRoutes.class;
  }

  @Override
  public HostRoutes read(ConfigNode root, ConfigContext context) {
    List<HostRoute> routes = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (ConfigNode route : root.field("hostRoutes").list()) {
      if (!route.isObjectWith(KEYS)) {
        continue;
      }
      String host = route.field("host").required().string(HOST, "use a host name such as pets.example.com");
      String basePath = route.field("basePath").string(BASE_PATH,
          "use path segments without a leading or trailing slash, such as v1 or shop/v2");
      String apiId = route.field("restApiId").required().string();
      String stage = route.field("stage").required().string();
      if (apiId != null && stage != null) {
        context.checkStage(apiId, route.field("restApiId"), stage, route.field("stage"));
      }
      if (host != null) {
        String first = seen.putIfAbsent(host.toLowerCase(Locale.ROOT) + "/" + basePath, route.pointer());
        if (first != null) {
          route.problem("routes the same host and base path as " + first + "; remove one");
        }
      }
      routes.add(new HostRoute(host, basePath, apiId, stage));
    }
    return new HostRoutes(routes);
  }
}
