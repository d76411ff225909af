package dev.restgate.spi;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.restgate.http.GatewayRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An AWS parameter expression, compiled once at deploy time and evaluated per request: the one evaluator behind
 * integration request parameters, gateway response headers, authorizer identity sources, cache keys and the
 * placeholders of integration URIs.
 *
 * <table>
 *   <caption>The expressions</caption>
 *   <tr><td>{@code 'text'}</td><td>the literal text</td></tr>
 *   <tr><td>{@code method.request.path.NAME}</td><td>a path parameter, raw</td></tr>
 *   <tr><td>{@code method.request.querystring.NAME}</td><td>the last value of a query parameter</td></tr>
 *   <tr><td>{@code method.request.multivaluequerystring.NAME}</td><td>all its values</td></tr>
 *   <tr><td>{@code method.request.header.NAME}</td><td>the last value of a header</td></tr>
 *   <tr><td>{@code method.request.multivalueheader.NAME}</td><td>all its values</td></tr>
 *   <tr><td>{@code method.request.body}</td><td>the whole body</td></tr>
 *   <tr><td>{@code method.request.body.JSONPATH}</td><td>a value of the JSON body ({@code pets[0].name})</td></tr>
 *   <tr><td>{@code context.NAME}</td><td>a {@link ContextVariables context variable}</td></tr>
 *   <tr><td>{@code stageVariables.NAME}</td><td>a stage variable (canary overrides included)</td></tr>
 * </table>
 *
 * <p>Integration response parameters ({@link #parseResponse}) read the endpoint response instead of the method
 * request: {@code integration.response.header.NAME} (its last value),
 * {@code integration.response.multivalueheader.NAME} (all values), {@code integration.response.body} and
 * {@code integration.response.body.JSONPATH}, besides literals, context variables and stage variables.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParameterExpression {
  /** Where an expression takes its value from. */
  public enum Source {
    LITERAL, PATH, QUERYSTRING, MULTIVALUE_QUERYSTRING, HEADER, MULTIVALUE_HEADER, BODY, CONTEXT, STAGE_VARIABLE,
    INTEGRATION_RESPONSE_HEADER, INTEGRATION_RESPONSE_MULTIVALUE_HEADER, INTEGRATION_RESPONSE_BODY
  }

  private static final String PATH = "method.request.path.";
  private static final String QUERYSTRING = "method.request.querystring.";
  private static final String MULTIVALUE_QUERYSTRING = "method.request.multivaluequerystring.";
  private static final String HEADER = "method.request.header.";
  private static final String MULTIVALUE_HEADER = "method.request.multivalueheader.";
  private static final String BODY = "method.request.body";
  private static final String CONTEXT = "context.";
  private static final String STAGE_VARIABLE = "stageVariables.";
  private static final String RESPONSE_HEADER = "integration.response.header.";
  private static final String RESPONSE_MULTIVALUE_HEADER = "integration.response.multivalueheader.";
  private static final String RESPONSE_BODY = "integration.response.body";
  /** JSON values as maps, lists, strings, numbers and booleans; a missing path reads as null, not an error. */
  private static final Configuration JSON_PATHS = Configuration.builder()
      .jsonProvider(new JacksonJsonProvider()).mappingProvider(new JacksonMappingProvider())
      .options(Option.SUPPRESS_EXCEPTIONS).build();

  private final String expression;
  private final Source source;
  private final String name;
  private final JsonPath bodyPath;

  private ParameterExpression(String expression, Source source, String name, JsonPath bodyPath) {
    this.expression = expression;
    this.source = source;
    this.name = name;
    this.bodyPath = bodyPath;
  }

  /**
   * Compiles an expression.
   *
   * @throws IllegalArgumentException for an expression of no known form, with AWS's wording and the forms allowed
   */
  public static ParameterExpression parse(String expression) {
    String e = expression.trim();
    ParameterExpression common = common(expression, e);
    if (common != null) {
      return common;
    }
    ParameterExpression body = body(expression, e, BODY, Source.BODY);
    if (body != null) {
      return body;
    }
    ParameterExpression prefixed = prefixed(expression, e,
        new Source[] {Source.PATH, Source.QUERYSTRING, Source.MULTIVALUE_QUERYSTRING, Source.HEADER,
            Source.MULTIVALUE_HEADER},
        new String[] {PATH, QUERYSTRING, MULTIVALUE_QUERYSTRING, HEADER, MULTIVALUE_HEADER});
    if (prefixed != null) {
      return prefixed;
    }
    throw new IllegalArgumentException("Invalid mapping expression specified: " + expression
        + " (expected 'literal', method.request.{path|querystring|multivaluequerystring|header|multivalueheader}"
        + ".NAME, method.request.body[.JSONPATH], context.NAME or stageVariables.NAME)");
  }

  /**
   * Compiles the source of an integration response parameter ({@code method.response.header.NAME}'s value).
   *
   * @throws IllegalArgumentException for an expression of no known form, with AWS's wording and the forms allowed
   */
  public static ParameterExpression parseResponse(String expression) {
    String e = expression.trim();
    ParameterExpression common = common(expression, e);
    if (common != null) {
      return common;
    }
    ParameterExpression body = body(expression, e, RESPONSE_BODY, Source.INTEGRATION_RESPONSE_BODY);
    if (body != null) {
      return body;
    }
    ParameterExpression prefixed = prefixed(expression, e,
        new Source[] {Source.INTEGRATION_RESPONSE_HEADER, Source.INTEGRATION_RESPONSE_MULTIVALUE_HEADER},
        new String[] {RESPONSE_HEADER, RESPONSE_MULTIVALUE_HEADER});
    if (prefixed != null) {
      return prefixed;
    }
    throw new IllegalArgumentException("Invalid mapping expression specified: " + expression
        + " (expected 'literal', integration.response.{header|multivalueheader}.NAME, "
        + "integration.response.body[.JSONPATH], context.NAME or stageVariables.NAME)");
  }

  /** A literal, a context variable or a stage variable, which both sides allow; null for another form. */
  private static ParameterExpression common(String expression, String e) {
    if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
      return new ParameterExpression(expression, Source.LITERAL, e.substring(1, e.length() - 1), null);
    }
    return prefixed(expression, e, new Source[] {Source.CONTEXT, Source.STAGE_VARIABLE},
        new String[] {CONTEXT, STAGE_VARIABLE});
  }

  private static ParameterExpression body(String expression, String e, String prefix, Source source) {
    if (e.equals(prefix)) {
      return new ParameterExpression(expression, source, null, null);
    }
    if (e.startsWith(prefix + ".") && e.length() > prefix.length() + 1) {
      String path = e.substring(prefix.length() + 1);
      try {
        return new ParameterExpression(expression, source, path, JsonPath.compile("$." + path));
      } catch (InvalidPathException ex) {
        throw new IllegalArgumentException("Invalid mapping expression specified: " + expression + " ("
            + ex.getMessage() + ")", ex);
      }
    }
    return null;
  }

  private static ParameterExpression prefixed(String expression, String e, Source[] sources, String[] prefixes) {
    for (int i = 0; i < prefixes.length; i++) {
      if (e.startsWith(prefixes[i]) && e.length() > prefixes[i].length()) {
        return new ParameterExpression(expression, sources[i], e.substring(prefixes[i].length()), null);
      }
    }
    return null;
  }

  /** The expression as written. */
  public String expression() {
    return expression;
  }

  public Source source() {
    return source;
  }

  /**
   * The parameter, header, variable or JSONPath (without {@code $.}) the expression names; the text of a literal;
   * null for the whole body.
   */
  public String name() {
    return name;
  }

  /**
   * The value for one request: the last value of a query parameter or header, multiple values joined with
   * {@code ,}, a JSON value of the body as text (objects and arrays as JSON), null when absent.
   *
   * @throws GatewayException {@code BAD_REQUEST_BODY} when a body expression meets a body that is not JSON
   */
  public String evaluate(Exchange exchange) throws GatewayException {
    GatewayRequest request = exchange.request();
    return switch (source) {
      case LITERAL -> name;
      case PATH -> exchange.route().pathParameters().get(name);
      case QUERYSTRING -> last(request.query().get(name));
      case MULTIVALUE_QUERYSTRING -> joined(request.query().get(name));
      case HEADER -> request.headers().last(name);
      case MULTIVALUE_HEADER -> joined(request.headers().all(name));
      case BODY -> bodyPath == null ? exchange.requestBodyText() : jsonText(bodyPath.read(exchange.requestJson(),
          JSON_PATHS));
      case CONTEXT -> ContextVariables.lookup(name, exchange);
      case STAGE_VARIABLE -> exchange.route().stageVariables().get(name);
      case INTEGRATION_RESPONSE_HEADER, INTEGRATION_RESPONSE_MULTIVALUE_HEADER, INTEGRATION_RESPONSE_BODY ->
          fromEndpointResponse(exchange.endpointResponse());
    };
  }

  /** An integration response source; null before the integration answered. */
  private String fromEndpointResponse(EndpointResponse response) {
    if (response == null) {
      return null;
    }
    if (source == Source.INTEGRATION_RESPONSE_HEADER) {
      return response.headers().last(name);
    }
    if (source == Source.INTEGRATION_RESPONSE_MULTIVALUE_HEADER) {
      return joined(response.headers().all(name));
    }
    String body;
    try {
      body = new String(response.body().bytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the integration response body could not be read", e);
    }
    if (bodyPath == null) {
      return body;
    }
    try {
      return jsonText(bodyPath.read(JSON_PATHS.jsonProvider().parse(body), JSON_PATHS));
    } catch (RuntimeException notJson) {
      // A body that is not JSON has no value at any path, as a missing path has none.
      return null;
    }
  }

  /**
   * Every value for one request: each value of a multi-value source, else the one value; empty when absent.
   *
   * @throws GatewayException {@code BAD_REQUEST_BODY} when a body expression meets a body that is not JSON
   */
  public List<String> values(Exchange exchange) throws GatewayException {
    List<String> values = switch (source) {
      case MULTIVALUE_QUERYSTRING -> exchange.request().query().get(name);
      case MULTIVALUE_HEADER -> exchange.request().headers().all(name);
      case INTEGRATION_RESPONSE_MULTIVALUE_HEADER -> exchange.endpointResponse() == null ? List.of()
          : exchange.endpointResponse().headers().all(name);
      default -> {
        String value = evaluate(exchange);
        yield value == null ? List.of() : List.of(value);
      }
    };
    return values == null ? List.of() : values;
  }

  private static String last(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  private static String joined(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  private static String jsonText(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Map || value instanceof List) {
      return JSON_PATHS.jsonProvider().toJson(value);
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return expression;
  }
}
