package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An API stage in a usage plan.
 *
 * @param throttle per-method throttles keyed by {@code /{resourcePath}/{METHOD}} ({@code //GET} for the root)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiStage(String apiId, String stage, Map<String, ThrottleSettings> throttle) {
  public ApiStage {
    throttle = Copies.map(throttle);
  }
}
