package dev.restgate.config;

import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One REST API of the configuration: its deployments (snapshots of imported definitions) and the stages serving
 * them. Every stage's {@code deploymentId} (and canary {@code deploymentId}) names one of {@code deployments}.
 *
 * @param id the API id
 * @throws IllegalArgumentException when a stage names a deployment that is not in {@code deployments}
 */
public record ApiConfig(String id, List<Deployment> deployments, List<Stage> stages) {
  public ApiConfig {
    deployments = List.copyOf(deployments);
    stages = List.copyOf(stages);
    for (Stage stage : stages) {
      requireDeployment(deployments, stage.deploymentId(), stage);
      if (stage.canarySettings() != null) {
        requireDeployment(deployments, stage.canarySettings().deploymentId(), stage);
      }
    }
  }

  /**
   * An API with one deployment of {@code api} (created at the epoch, its id derived from the API id) and a stage
   * per name pointing at it, without settings: the usual shape in tests.
   */
  public static ApiConfig of(RestApi api, String... stageNames) {
    Deployment deployment = new Deployment(Ids.derive(6, "deployment", api.id()), null, Instant.EPOCH, api);
    List<Stage> stages = new ArrayList<>();
    for (String name : stageNames) {
      stages.add(new Stage(name, deployment.id(), null, null, null, null, null, null, null, null, null));
    }
    return new ApiConfig(api.id(), List.of(deployment), stages);
  }

  public Optional<Deployment> deployment(String deploymentId) {
    return deployments.stream().filter(d -> d.id().equals(deploymentId)).findFirst();
  }

  public Optional<Stage> stage(String stageName) {
    return stages.stream().filter(s -> s.stageName().equals(stageName)).findFirst();
  }

  private static void requireDeployment(List<Deployment> deployments, String deploymentId, Stage stage) {
    if (deployments.stream().noneMatch(d -> d.id().equals(deploymentId))) {
      throw new IllegalArgumentException(
          "stage " + stage.stageName() + " names deployment " + deploymentId + ", which the API does not have");
    }
  }
}
