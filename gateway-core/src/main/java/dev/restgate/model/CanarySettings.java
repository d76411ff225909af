package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Canary settings of a stage.
 *
 * @param percentTraffic 0.0 to 100.0, the share of requests served by the canary deployment
 * @param stageVariableOverrides merged over the stage variables for canary requests
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CanarySettings(
    String deploymentId, Double percentTraffic, Map<String, String> stageVariableOverrides, Boolean useStageCache) {
  public CanarySettings {
    stageVariableOverrides = Copies.map(stageVariableOverrides);
  }
}
