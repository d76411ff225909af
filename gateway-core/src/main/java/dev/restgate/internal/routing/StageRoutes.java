package dev.restgate.internal.routing;

import dev.restgate.internal.deploy.CompiledDeployment;
import dev.restgate.model.Stage;
import java.util.random.RandomGenerator;

/**
 * What a stage serves: its deployment and, when it has canary settings, the canary deployment with the share of
 * requests it takes.
 *
 * @param canary null when the stage has no canary
 * @param canaryPercent 0 to 100
 */
public record StageRoutes(Stage stage, CompiledDeployment main, CompiledDeployment canary, double canaryPercent) {

  /** Picks the deployment for one request: the canary with probability {@code canaryPercent}/100. */
  CompiledDeployment pick(RandomGenerator random) {
    if (canary != null && canaryPercent > 0 && random.nextDouble(100.0) < canaryPercent) {
      return canary;
    }
    return main;
  }
}
