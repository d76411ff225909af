package dev.restgate.config;

import dev.restgate.model.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deployments an API declares, for its stages to reference: every declared id, and the definitions of those
 * that imported (a failed import has already been reported; references to it are still valid).
 */
record Deployments(List<String> ids, Map<String, RestApi> imported) {
  boolean contains(String id) {
    return ids.contains(id);
  }

  /** The definitions among {@code deploymentIds} that imported. */
  List<RestApi> apis(String... deploymentIds) {
    List<RestApi> apis = new ArrayList<>();
    for (String id : deploymentIds) {
      RestApi api = id == null ? null : imported.get(id);
      if (api != null && !apis.contains(api)) {
        apis.add(api);
      }
    }
    return apis;
  }
}
