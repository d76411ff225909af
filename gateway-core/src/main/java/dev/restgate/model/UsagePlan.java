package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A usage plan: which API stages its keys may call, with plan-wide throttle and quota. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UsagePlan(
    String id,
    String name,
    String description,
    List<ApiStage> apiStages,
    ThrottleSettings throttle,
    QuotaSettings quota,
    String productCode,
    Map<String, String> tags) {
  public UsagePlan {
    apiStages = Copies.list(apiStages);
    tags = Copies.map(tags);
  }
}
