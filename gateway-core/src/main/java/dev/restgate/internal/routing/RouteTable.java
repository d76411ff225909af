package dev.restgate.internal.routing;

import dev.restgate.http.GatewayRequest;
import dev.restgate.internal.deploy.CompiledDeployment;
import dev.restgate.internal.deploy.CompiledMethod;
import dev.restgate.internal.deploy.CompiledResource;
import dev.restgate.spi.InvokeTarget;
import dev.restgate.spi.RouteMatch;
import dev.restgate.spi.RouteResolver;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Every API stage the gateway serves, keyed by API id and stage name, with the route resolvers modules registered.
 * Immutable: a new table replaces the old one when configuration changes, and a request reads the table once.
 */
public final class RouteTable {
  private final Map<String, Map<String, StageRoutes>> stagesByApi;
  private final List<RouteResolver> resolvers;
  private final RandomGenerator random;

  /**
   * @param stagesByApi API id to stage name to what the stage serves
   * @param resolvers consulted in order before the invoke-URL forms
   * @param random picks canary requests
   */
  public RouteTable(Map<String, Map<String, StageRoutes>> stagesByApi, List<RouteResolver> resolvers,
      RandomGenerator random) {
    this.stagesByApi = Map.copyOf(stagesByApi);
    this.resolvers = List.copyOf(resolvers);
    this.random = random;
  }

  /** Routes {@code request}; null when no resolver owns it and its URL is not an invoke URL of any form. */
  public Resolution resolve(GatewayRequest request) {
    InvokeTarget target = null;
    for (int i = 0; i < resolvers.size() && target == null; i++) {
      target = resolvers.get(i).resolve(request);
    }
    if (target == RouteResolver.UNMAPPED) {
      return Resolution.NOT_MAPPED;
    }
    if (target == null) {
      target = InvokeUrls.parse(request);
      if (target == null) {
        return null;
      }
    }
    Map<String, StageRoutes> stages = stagesByApi.get(target.apiId());
    StageRoutes stage = stages == null ? null : stages.get(target.stage());
    if (stage == null) {
      return Resolution.UNKNOWN;
    }
    CompiledDeployment deployment = stage.pick(random);
    Boolean canary = stage.canary() == null ? null : deployment == stage.canary();
    var found = deployment.routes().find(target.requestPath());
    CompiledMethod method = found == null ? null : found.value().method(request.method());
    if (method == null) {
      RouteMatch partial = match(target, deployment, stage, canary,
          found == null ? null : found.value(), null, Map.of());
      return new Resolution(Resolution.Outcome.NO_ROUTE, deployment, partial, null);
    }
    RouteMatch match = match(target, deployment, stage, canary, found.value(), method, found.pathParameters());
    return new Resolution(Resolution.Outcome.MATCHED, deployment, match, method);
  }

  private static RouteMatch match(InvokeTarget target, CompiledDeployment deployment, StageRoutes stage,
      Boolean canary, CompiledResource resource, CompiledMethod method, Map<String, String> pathParameters) {
    return new RouteMatch(deployment.accountId(), deployment.api(), stage.stage(), deployment.deploymentId(),
        resource == null ? null : resource.resource(), method == null ? null : method.method(), pathParameters,
        deployment.stageVariables(), canary, target.requestPath(), target.eventPath(), target.contextPath(),
        target.domainName(), target.domainPrefix());
  }
}
