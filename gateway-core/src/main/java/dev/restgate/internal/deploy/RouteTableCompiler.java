package dev.restgate.internal.deploy;

import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.internal.routing.RouteTable;
import dev.restgate.internal.routing.StageRoutes;
import dev.restgate.model.CanarySettings;
import dev.restgate.model.Deployment;
import dev.restgate.model.Stage;
import dev.restgate.spi.Problem;
import dev.restgate.spi.RouteResolver;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Compiles every API stage of a configuration into a {@link RouteTable}, collecting every problem. */
final class RouteTableCompiler {
  private final DeploymentCompiler compiler;

  RouteTableCompiler(DeploymentCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * The table, or null when {@code problems} gained errors.
   *
   * @param resolvers the route resolvers modules registered for this configuration
   * @param random picks canary requests
   */
  RouteTable compile(GatewayConfig config, List<RouteResolver> resolvers, RandomGenerator random,
      List<Problem> problems) {
    int before = problems.size();
    String source = config.source() == null ? null : config.source().toString();
    Map<String, Map<String, StageRoutes>> byApi = new HashMap<>();
    for (ApiConfig api : config.restApis()) {
      Map<String, Deployment> deployments = new HashMap<>();
      for (Deployment deployment : api.deployments()) {
        deployments.put(deployment.id(), deployment);
      }
      Map<String, StageRoutes> stages = new HashMap<>();
      for (Stage stage : api.stages()) {
        String pointer = "/restApis/" + api.id() + "/stages/" + stage.stageName();
        Deployment main = deployments.get(stage.deploymentId());
        if (main == null) {
          problems.add(new Problem(source, pointer + "/deploymentId", "no deployment " + stage.deploymentId()));
          continue;
        }
        var compiledMain = compiler.compile(main.id(), main.api(), stage, stage.variables(), sourceOf(main, api),
            problems);
        var canary = stage.canarySettings();
        DeploymentCompiledCanary compiledCanary = compileCanary(api, stage, canary, main, deployments, pointer,
            source, problems);
        if (compiledMain != null && compiledCanary != null) {
          stages.put(stage.stageName(), new StageRoutes(stage, compiledMain, compiledCanary.deployment(),
              compiledCanary.percent()));
        }
      }
      byApi.put(api.id(), stages);
    }
    return problems.size() > before ? null : new RouteTable(byApi, resolvers, random);
  }

  private DeploymentCompiledCanary compileCanary(ApiConfig api, Stage stage, CanarySettings canary,
      Deployment main, Map<String, Deployment> deployments, String pointer, String source, List<Problem> problems) {
    if (canary == null) {
      return new DeploymentCompiledCanary(null, 0);
    }
    Deployment target = canary.deploymentId() == null ? main : deployments.get(canary.deploymentId());
    if (target == null) {
      problems.add(new Problem(source, pointer + "/canarySettings/deploymentId",
          "no deployment " + canary.deploymentId()));
      return null;
    }
    Map<String, String> variables = new LinkedHashMap<>(stage.variables());
    variables.putAll(canary.stageVariableOverrides());
    var compiled = compiler.compile(target.id(), target.api(), stage, variables, sourceOf(target, api), problems);
    if (compiled == null) {
      return null;
    }
    double percent = canary.percentTraffic() == null ? 0 : canary.percentTraffic();
    return new DeploymentCompiledCanary(compiled, percent);
  }

  private static String sourceOf(Deployment deployment, ApiConfig api) {
    return "restApi " + api.id() + " deployment " + deployment.id();
  }

  private record DeploymentCompiledCanary(CompiledDeployment deployment, double percent) {}
}
