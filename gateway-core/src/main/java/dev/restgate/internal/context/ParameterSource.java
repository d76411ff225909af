package dev.restgate.internal.context;

import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import java.util.List;

/**
 * A compiled mapping source expression ({@code method.request.header.X}, {@code stageVariables.x}, {@code 'literal'},
 * {@code context.requestId}, ...), as used by integration request parameters and gateway response headers. Parsed once
 * at deploy time; {@link #resolve} runs per request.
 */
@FunctionalInterface
public interface ParameterSource {

  /** The value for this exchange, or null when the source is absent. */
  String resolve(Exchange exchange);

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException for an expression the gateway does not know, with the reason
   */
  static ParameterSource parse(String expression, String accountId) {
    String e = expression.trim();
    if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
      String literal = e.substring(1, e.length() - 1);
      return exchange -> literal;
    }
    String name;
    if ((name = after(e, "method.request.header.")) != null) {
      String header = name;
      return exchange -> exchange.request().headers().last(header);
    }
    if ((name = after(e, "method.request.multivalueheader.")) != null) {
      String header = name;
      return exchange -> joined(exchange.request().headers().all(header));
    }
    if ((name = after(e, "method.request.querystring.")) != null) {
      String parameter = name;
      return exchange -> {
        List<String> values = exchange.request().query().get(parameter);
        return values == null ? null : values.get(values.size() - 1);
      };
    }
    if ((name = after(e, "method.request.multivaluequerystring.")) != null) {
      String parameter = name;
      return exchange -> joined(exchange.request().query().get(parameter));
    }
    if ((name = after(e, "method.request.path.")) != null) {
      String parameter = name;
      return exchange -> {
        RouteMatch route = exchange.route();
        return route == null ? null : route.pathParameters().get(parameter);
      };
    }
    if ((name = after(e, "stageVariables.")) != null) {
      String variable = name;
      return exchange -> {
        RouteMatch route = exchange.route();
        return route == null ? null : route.stageVariables().get(variable);
      };
    }
    if ((name = after(e, "context.")) != null) {
      String variable = name;
      return exchange -> ContextVariables.lookup(variable, exchange, accountId);
    }
    throw new IllegalArgumentException("Invalid mapping expression specified: " + expression
        + " (expected 'literal', method.request.{header|multivalueheader|querystring|multivaluequerystring|path}.NAME,"
        + " stageVariables.NAME or context.NAME)");
  }

  private static String after(String expression, String prefix) {
    return expression.startsWith(prefix) && expression.length() > prefix.length()
        ? expression.substring(prefix.length())
        : null;
  }

  private static String joined(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
