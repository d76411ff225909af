package dev.restgate.internal.deploy;

import dev.restgate.model.Resource;
import java.util.Map;

/** A resource's compiled methods; an explicit verb wins over {@code ANY}. */
public record CompiledResource(Resource resource, Map<String, CompiledMethod> methods) {

  /** The method serving {@code httpMethod}, or null. */
  public CompiledMethod method(String httpMethod) {
    CompiledMethod exact = methods.get(httpMethod);
    if (exact != null) {
      return exact;
    }
    return ANY_VERBS.contains(httpMethod) ? methods.get("ANY") : null;
  }

  /** The verbs {@code ANY} covers; HEAD is not derived from GET. */
  private static final java.util.Set<String> ANY_VERBS =
      java.util.Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
}
