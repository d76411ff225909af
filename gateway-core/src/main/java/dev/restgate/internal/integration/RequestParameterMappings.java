package dev.restgate.internal.integration;

import dev.restgate.spi.ParameterExpression;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An integration's {@code requestParameters}, split by target ({@code integration.request.path|querystring|header.X})
 * and parsed once.
 */
record RequestParameterMappings(Map<String, ParameterExpression> path, Map<String, ParameterExpression> query,
    Map<String, ParameterExpression> headers) {

  static RequestParameterMappings parse(Map<String, String> requestParameters) {
    Map<String, ParameterExpression> path = new LinkedHashMap<>();
    Map<String, ParameterExpression> query = new LinkedHashMap<>();
    Map<String, ParameterExpression> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> mapping : requestParameters.entrySet()) {
      String target = mapping.getKey();
      ParameterExpression source = ParameterExpression.parse(mapping.getValue());
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
