package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A stage: a named, live pointer to a deployment with its own variables and settings.
 *
 * @param methodSettings keyed by <code>*&#47;*</code> or {@code {resource path without leading slash}/{METHOD}}
 * @param cacheClusterSize one of {@code 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Stage(
    String stageName,
    String deploymentId,
    String description,
    Map<String, String> variables,
    Map<String, MethodSetting> methodSettings,
    CanarySettings canarySettings,
    Boolean cacheClusterEnabled,
    String cacheClusterSize,
    Boolean tracingEnabled,
    AccessLogSettings accessLogSettings,
    Map<String, String> tags) {
  public Stage {
    variables = Copies.map(variables);
    methodSettings = Copies.map(methodSettings);
    tags = Copies.map(tags);
  }
}
