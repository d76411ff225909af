package dev.restgate.internal.integration;

import dev.restgate.internal.context.ParameterSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An integration's {@code requestParameters}, split by target ({@code integration.request.path|querystring|header.X})
 * and parsed once.
 */
record RequestParameterMappings(Map<String, ParameterSource> path, Map<String, ParameterSource> query,
    Map<String, ParameterSource> headers) {

  static RequestParameterMappings parse(Map<String, String> requestParameters, String accountId) {
    Map<String, ParameterSource> path = new LinkedHashMap<>();
    Map<String, ParameterSource> query = new LinkedHashMap<>();
    Map<String, ParameterSource> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> mapping : requestParameters.entrySet()) {
      String target = mapping.getKey();
      ParameterSource source = ParameterSource.parse(mapping.getValue(), accountId);
      if (target.startsWith("integration.request.path.")) {
        path.put(target.substring("integration.request.path.".length()), source);
      } else if (target.startsWith("integration.request.querystring.")) {
        query.put(target.substring("integration.request.querystring.".length()), source);
      } else if (target.startsWith("integration.request.header.")) {
        headers.put(target.substring("integration.request.header.".length()), source);
      } else {
        throw new IllegalArgumentException("unsupported request parameter target " + target
            + ": expected integration.request.{path|querystring|header}.NAME");
      }
    }
    return new RequestParameterMappings(Collections.unmodifiableMap(path), Collections.unmodifiableMap(query),
        Collections.unmodifiableMap(headers));
  }
}
