package dev.restgate.examples.hostrouting;

import dev.restgate.http.GatewayRequest;
import dev.restgate.spi.InvokeTarget;
import dev.restgate.spi.RouteResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves requests by their {@code Host}: a configured host's requests go to its route's stage, the base path (when
 * the route has one) taken off the path that is matched, as custom domains do. A configured host whose path is below
 * none of its base paths gets 403 Missing Authentication Token; any other host is left to the invoke-URL forms.
 * Built once per configuration, read-only afterwards.
 */
final class HostRouter implements RouteResolver {
  private final Map<String, List<HostRoute>> routesByHost = new HashMap<>();

  HostRouter(HostRoutes routes) {
    for (HostRoute route : routes.routes()) {
      routesByHost.computeIfAbsent(route.host().toLowerCase(Locale.ROOT), host -> new ArrayList<>()).add(route);
    }
    // The longest base path wins; a route without one catches what the others leave.
    routesByHost.values().forEach(list -> list.sort(Comparator.comparingInt(
        (HostRoute route) -> route.basePath() == null ? -1 : route.basePath().length()).reversed()));
  }

  @Override
  public InvokeTarget resolve(GatewayRequest request) {
    String host = request.hostName() == null ? null : request.hostName().toLowerCase(Locale.ROOT);
    List<HostRoute> routes = host == null ? null : routesByHost.get(host);
    if (routes == null) {
      return null;
    }
    String path = request.rawPath();
    for (HostRoute route : routes) {
      if (route.basePath() == null) {
        return InvokeTarget.onDomain(route.restApiId(), route.stage(), path, path, host);
      }
      String base = "/" + route.basePath();
      if (path.equals(base) || path.startsWith(base + "/")) {
        String below = path.length() == base.length() ? "/" : path.substring(base.length());
        return InvokeTarget.onDomain(route.restApiId(), route.stage(), below, path, host);
      }
    }
    return UNMAPPED;
  }
}
