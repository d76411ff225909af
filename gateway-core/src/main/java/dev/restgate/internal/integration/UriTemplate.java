package dev.restgate.internal.integration;

import dev.restgate.internal.context.ParameterSource;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An integration URI with {@code {param}} and {@code ${stageVariables.name}} placeholders, split once at deploy time
 * into literal text and references. Path parameter values are inserted raw, as API Gateway does.
 */
final class UriTemplate {
  private final List<Object> parts;
  private final boolean literal;

  private UriTemplate(List<Object> parts) {
    this.parts = parts;
    this.literal = parts.size() == 1 && parts.get(0) instanceof String;
  }

  /**
   * @param pathSources {@code integration.request.path.X} mappings by X; a placeholder without a mapping takes the
   *     method's path parameter of the same name
   */
  static UriTemplate parse(String uri, Map<String, ParameterSource> pathSources) {
    List<Object> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < uri.length()) {
      char c = uri.charAt(i);
      if (c == '$' && uri.startsWith("${stageVariables.", i)) {
        int end = uri.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed ${stageVariables...} in uri " + uri);
        }
        flush(parts, text);
        parts.add(new StageVariable(uri.substring(i + "${stageVariables.".length(), end)));
        i = end + 1;
      } else if (c == '{') {
        int end = uri.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed {parameter} in uri " + uri);
        }
        String name = uri.substring(i + 1, end);
        if (name.endsWith("+")) {
          name = name.substring(0, name.length() - 1);
        }
        flush(parts, text);
        ParameterSource source = pathSources.get(name);
        parts.add(source != null ? source : ParameterSource.parse("method.request.path." + name, ""));
        i = end + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    flush(parts, text);
    return new UriTemplate(List.copyOf(parts));
  }

  private static void flush(List<Object> parts, StringBuilder text) {
    if (text.length() > 0) {
      parts.add(text.toString());
      text.setLength(0);
    }
  }

  String expand(Exchange exchange) {
    if (literal) {
      return (String) parts.get(0);
    }
    StringBuilder out = new StringBuilder(96);
    for (Object part : parts) {
      if (part instanceof String s) {
        out.append(s);
      } else if (part instanceof StageVariable variable) {
        RouteMatch route = exchange.route();
        String value = route.stageVariables().get(variable.name());
        if (value != null) {
          out.append(value);
        }
      } else {
        String value = ((ParameterSource) part).resolve(exchange);
        if (value != null) {
          out.append(value);
        }
      }
    }
    return out.toString();
  }

  private record StageVariable(String name) {}
}
