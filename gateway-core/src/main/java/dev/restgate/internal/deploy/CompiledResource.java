package dev.restgate.internal.deploy;

import dev.restgate.http.HttpMethods;
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
    return HttpMethods.isVerb(httpMethod) ? methods.get(HttpMethods.ANY) : null;
  }
}
