package dev.restgate.config;

import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * One REST API of the configuration: its current definition, its deployments (snapshots of imported definitions)
 * and the stages serving them. Every stage's {@code deploymentId} (and canary {@code deploymentId}) names one of
 * {@code deployments}.
 *
 * @param id the API id
 * @param definition the API as it is now: what the control plane shows and what a new deployment snapshots
 * @param createdDate when the API was created
 * @throws IllegalArgumentException when a stage names a deployment that is not in {@code deployments}
 */
public record ApiConfig(String id, RestApi definition, Instant createdDate, List<Deployment> deployments,
    List<Stage> stages) {
  public ApiConfig {
    deployments = List.copyOf(deployments);
    stages = List.copyOf(stages);
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(createdDate, "createdDate");
    for (Stage stage : stages) {
      requireDeployment(deployments, stage.deploymentId(), stage);
      if (stage.canarySettings() != null) {
        requireDeployment(deployments, stage.canarySettings().deploymentId(), stage);
      }
    }
  }

  /**
   * An API whose current definition is that of its latest deployment, created with its earliest.
   *
   * @throws java.util.NoSuchElementException when {@code deployments} is empty
   */
  public ApiConfig(String id, List<Deployment> deployments, List<Stage> stages) {
    this(id, latest(deployments).api(), deployments.stream().map(ApiConfig::created).min(Comparator.naturalOrder())
        .orElseThrow(), deployments, stages);
  }

  /** The deployment created last (the last listed among equals). */
  static Deployment latest(List<Deployment> deployments) {
    Deployment latest = null;
    for (Deployment deployment : deployments) {
      if (latest == null || !created(deployment).isBefore(created(latest))) {
        latest = deployment;
      }
    }
    if (latest == null) {
      throw new NoSuchElementException("an API without a current definition needs at least one deployment");
    }
    return latest;
  }

  private static Instant created(Deployment deployment) {
    return deployment.createdDate() == null ? Instant.EPOCH : deployment.createdDate();
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
