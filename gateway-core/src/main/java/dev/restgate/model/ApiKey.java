package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** An API key handed to a developer. {@code enabled} is false unless set, as in AWS. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiKey(
    String id,
    String value,
    String name,
    String customerId,
    String description,
    Boolean enabled,
    List<String> stageKeys,
    Map<String, String> tags) {
  public ApiKey {
    stageKeys = Copies.list(stageKeys);
    tags = Copies.map(tags);
  }

  /** Without the value, which is a secret: logs and messages name keys by id. */
  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", name=" + name + ", customerId=" + customerId + ", enabled=" + enabled + "]";
  }
}
