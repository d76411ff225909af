package dev.restgate.mapping.template;

import dev.restgate.spi.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $input}: the payload a template maps (the method request's body, or the integration response's) and the
 * method request's parameters. One instance per rendering; the payload is parsed on first use.
 */
public final class InputVariable {
  private final String body;
  private final Exchange exchange;
  private Object parsed;

  InputVariable(String body, Exchange exchange) {
    this.body = body;
    this.exchange = exchange;
  }

  /** {@code $input.body}: the payload as text; an empty payload reads as <code>{}</code>, as on AWS. */
  public String getBody() {
    return body.isEmpty() ? "{}" : body;
  }

  /** {@code $input.json(x)}: the value at JSONPath {@code x}, as JSON text. */
  public String json(String path) {
    return JsonValues.write(path(path));
  }

  /** {@code $input.path(x)}: the value at JSONPath {@code x}, as an object the template can navigate. */
  public Object path(String path) {
    if (parsed == null) {
      parsed = JsonValues.parse(getBody());
    }
    return JsonValues.read(parsed, path);
  }

  /** {@code $input.params()}: every method request parameter, by {@code path}, {@code querystring}, {@code header}. */
  public Map<String, Map<String, String>> params() {
    Map<String, Map<String, String>> params = new LinkedHashMap<>();
    params.put("path", new LinkedHashMap<>(exchange.route().pathParameters()));
    Map<String, String> query = new LinkedHashMap<>();
    exchange.request().query().forEach((name, values) -> query.put(name, last(values)));
    params.put("querystring", query);
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.request().headers().forEach(headers::put);
    params.put("header", headers);
    return params;
  }

  /** {@code $input.params(x)}: the path parameter, else query parameter, else header {@code x}; empty if none. */
  public String params(String name) {
    String value = exchange.route().pathParameters().get(name);
    if (value == null) {
      value = last(exchange.request().query().get(name));
    }
    if (value == null) {
      value = exchange.request().headers().last(name);
    }
    return value == null ? "" : value;
  }

  private static String last(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }
}
