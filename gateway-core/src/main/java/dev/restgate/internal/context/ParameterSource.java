package dev.restgate.internal.context;

import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import java.util.List;

/**
 * A compiled mapping source expression ({@code method.request.header.X}, {@code stageVariables.x}, {@code 'literal'},
 * {@code context.requestId}, ...), as used by integration request parameters and gateway response headers. Parsed once
 * at deploy time; {@link #resolve} runs per request.
 */
public abstract class ParameterSource {

  /** The value for this exchange, or null when the source is absent. */
  public abstract String resolve(Exchange exchange);

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException for an expression the gateway does not know, with the reason
   */
  public static ParameterSource parse(String expression, String accountId) {
    String e = expression.trim();
    if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
      String literal = e.substring(1, e.length() - 1);
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          return literal;
        }
      };
    }
    if (e.startsWith("method.request.header.")) {
      String name = e.substring("method.request.header.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          return exchange.request().headers().last(name);
        }
      };
    }
    if (e.startsWith("method.request.multivalueheader.")) {
      String name = e.substring("method.request.multivalueheader.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          List<String> values = exchange.request().headers().all(name);
          return values.isEmpty() ? null : String.join(",", values);
        }
      };
    }
    if (e.startsWith("method.request.querystring.")) {
      String name = e.substring("method.request.querystring.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          List<String> values = exchange.request().query().get(name);
          return values == null ? null : values.get(values.size() - 1);
        }
      };
    }
    if (e.startsWith("method.request.multivaluequerystring.")) {
      String name = e.substring("method.request.multivaluequerystring.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          List<String> values = exchange.request().query().get(name);
          return values == null ? null : String.join(",", values);
        }
      };
    }
    if (e.startsWith("method.request.path.")) {
      String name = e.substring("method.request.path.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          RouteMatch route = exchange.route();
          return route == null ? null : route.pathParameters().get(name);
        }
      };
    }
    if (e.startsWith("stageVariables.")) {
      String name = e.substring("stageVariables.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          RouteMatch route = exchange.route();
          return route == null ? null : route.stageVariables().get(name);
        }
      };
    }
    if (e.startsWith("context.")) {
      String name = e.substring("context.".length());
      return new ParameterSource() {
        @Override
        public String resolve(Exchange exchange) {
          return ContextVariables.lookup(name, exchange, accountId);
        }
      };
    }
    throw new IllegalArgumentException("Invalid mapping expression specified: " + expression
        + " (expected 'literal', method.request.{header|multivalueheader|querystring|multivaluequerystring|path}.NAME,"
        + " stageVariables.NAME or context.NAME)");
  }
}
