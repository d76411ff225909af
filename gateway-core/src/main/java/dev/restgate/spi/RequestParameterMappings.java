package dev.restgate.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An integration's {@code requestParameters}, split by target ({@code integration.request.path|querystring|header.X})
 * and parsed once: what {@code HTTP_PROXY} and the non-proxy integrations send besides the method request. Immutable.
 *
 * @param path values for the {@code {name}} placeholders of the integration URI
 * @param query query parameters to send
 * @param headers header fields to send
 */
public record RequestParameterMappings(Map<String, ParameterExpression> path, Map<String, ParameterExpression> query,
    Map<String, ParameterExpression> headers) {

  /**
   * Parses an integration's {@code requestParameters}.
   *
   * @throws IllegalArgumentException for a target or source expression of no known form
   */
  public static RequestParameterMappings parse(Map<String, String> requestParameters) {
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
