package dev.restgate.caching;

import dev.restgate.model.Method;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.ParameterExpression.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cache key of one method, compiled at deploy time: the cache namespace (the integration's
 * {@code cacheNamespace}, else the resource id), the request's verb, the deployment serving it, and the values of
 * the integration's {@code cacheKeyParameters}, nothing else. Requests that differ only in parameters not listed
 * share an entry, as on AWS.
 */
final class CacheKeys {
  private static final Set<Source> REQUEST_SOURCES = Set.of(Source.PATH, Source.QUERYSTRING,
      Source.MULTIVALUE_QUERYSTRING, Source.HEADER, Source.MULTIVALUE_HEADER);

  private final String namespace;
  private final List<ParameterExpression> parameters;

  private CacheKeys(String namespace, List<ParameterExpression> parameters) {
    this.namespace = namespace;
    this.parameters = parameters;
  }

  /**
   * Compiles the key of {@code method}.
   *
   * @throws IllegalArgumentException for a cache key parameter that is not a request parameter the method declares
   */
  static CacheKeys compile(String namespace, List<String> cacheKeyParameters, Method method) {
    List<ParameterExpression> parameters = new ArrayList<>();
    for (String parameter : cacheKeyParameters) {
      ParameterExpression expression;
      try {
        expression = ParameterExpression.parse(parameter);
      } catch (IllegalArgumentException e) {
        throw invalid(parameter);
      }
      if (!REQUEST_SOURCES.contains(expression.source()) || !declared(expression, method.requestParameters())) {
        throw invalid(parameter);
      }
      parameters.add(expression);
    }
    return new CacheKeys(namespace, List.copyOf(parameters));
  }

  private static IllegalArgumentException invalid(String parameter) {
    return new IllegalArgumentException("Invalid cache key parameter specified: " + parameter + " (cache key "
        + "parameters must be request parameters the method declares, e.g. method.request.querystring.type)");
  }

  /** Whether the method declares the parameter; multi-value forms read the single-value declaration. */
  private static boolean declared(ParameterExpression expression, Map<String, Boolean> requestParameters) {
    String location = switch (expression.source()) {
      case PATH -> "path";
      case QUERYSTRING, MULTIVALUE_QUERYSTRING -> "querystring";
      default -> "header";
    };
    String declaration = "method.request." + location + "." + expression.name();
    if (requestParameters.containsKey(declaration)) {
      return true;
    }
    return location.equals("header")
        && requestParameters.keySet().stream().anyMatch(declaration::equalsIgnoreCase);
  }

  /** The key of one request. */
  String of(Exchange exchange) throws GatewayException {
    StringBuilder key = new StringBuilder(64).append(namespace).append(' ')
        .append(exchange.request().method()).append(' ').append(exchange.route().deploymentId());
    for (ParameterExpression parameter : parameters) {
      String value = parameter.evaluate(exchange);
      key.append(' ');
      if (value == null) {
        key.append('-');
      } else {
        key.append(value.length()).append(':').append(value);
      }
    }
    return key.toString();
  }
}
