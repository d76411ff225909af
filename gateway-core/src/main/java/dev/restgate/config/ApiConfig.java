package dev.restgate.config;

import dev.restgate.model.Deployment;
import dev.restgate.model.Stage;
import java.util.List;

/**
 * One REST API of the configuration: its deployments (snapshots of imported definitions) and the stages serving
 * them. Every stage's {@code deploymentId} (and canary {@code deploymentId}) names one of {@code deployments}.
 *
 * @param id the API id
 */
public record ApiConfig(String id, List<Deployment> deployments, List<Stage> stages) {
  public ApiConfig {
    deployments = List.copyOf(deployments);
    stages = List.copyOf(stages);
  }
}
