package dev.restgate.internal.routing;

import dev.restgate.http.GatewayRequest;
import dev.restgate.internal.deploy.CompiledDeployment;
import dev.restgate.internal.deploy.CompiledMethod;
import dev.restgate.internal.deploy.CompiledResource;
import dev.restgate.spi.RouteMatch;
import java.util.Map;

/**
 * Every API stage the gateway serves, keyed by API id and stage name. Immutable: a new table replaces the old one
 * when configuration changes, and a request reads the table once.
 */
public final class RouteTable {
  private final Map<String, Map<String, StageRoutes>> stagesByApi;

  /** @param stagesByApi API id to stage name to what the stage serves */
  public RouteTable(Map<String, Map<String, StageRoutes>> stagesByApi) {
    this.stagesByApi = Map.copyOf(stagesByApi);
  }

  /** Routes {@code request}; null when its URL is not an invoke URL of any form. */
  public Resolution resolve(GatewayRequest request) {
    InvokeTarget target = InvokeTarget.of(request);
    if (target == null) {
      return null;
    }
    Map<String, StageRoutes> stages = stagesByApi.get(target.apiId());
    StageRoutes stage = stages == null ? null : stages.get(target.stage());
    if (stage == null) {
      return Resolution.UNKNOWN;
    }
    CompiledDeployment deployment = stage.pick();
    Boolean canary = stage.canary() == null ? null : deployment == stage.canary();
    var found = deployment.routes().find(target.path());
    CompiledMethod method = null;
    if (found != null) {
      method = found.value().method(request.method());
    }
    if (method == null) {
      RouteMatch partial = new RouteMatch(deployment.api(), stage.stage(), deployment.deploymentId(),
          found == null ? null : found.value().resource(), null, Map.of(), deployment.stageVariables(), canary,
          target.path(), target.contextPath(), target.domainName(), target.domainPrefix());
      return new Resolution(Resolution.Outcome.NO_ROUTE, deployment, partial, null);
    }
    CompiledResource resource = found.value();
    RouteMatch match = new RouteMatch(deployment.api(), stage.stage(), deployment.deploymentId(),
        resource.resource(), method.method(), found.pathParameters(), deployment.stageVariables(), canary,
        target.path(), target.contextPath(), target.domainName(), target.domainPrefix());
    return new Resolution(Resolution.Outcome.MATCHED, deployment, match, method);
  }
}
