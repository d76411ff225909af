package dev.restgate.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text with placeholders, parsed once at deploy time and rendered per request: the one parser of
 * <code>${stageVariables.NAME}</code> and its relatives. Each placeholder is a {@link ParameterExpression}; an absent
 * value renders as nothing. Three dialects:
 *
 * <ul>
 *   <li>{@link #uri}: integration URIs, with <code>{name}</code> (and greedy <code>{name+}</code>) for path parameters
 *       and <code>${stageVariables.NAME}</code>;
 *   <li>{@link #stageVariables}: ARNs and names, with <code>${stageVariables.NAME}</code> only;
 *   <li>{@link #gatewayResponse}: gateway response templates, which are not VTL: <code>$context.NAME</code>,
 *       <code>$stageVariables.NAME</code> and their <code>${...}</code> forms are replaced, all other text stays.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class PlaceholderTemplate {
  private static final String STAGE_VARIABLE = "${stageVariables.";

  private final List<Object> parts;
  private final String literal;

  private PlaceholderTemplate(List<Object> parts) {
    this.parts = List.copyOf(parts);
    this.literal = parts.isEmpty() ? "" : parts.size() == 1 && parts.get(0) instanceof String s ? s : null;
  }

  /**
   * An integration URI.
   *
   * @param pathMappings expressions for <code>{name}</code> placeholders by name ({@code integration.request.path.*}
   *     mappings); a placeholder without one takes the method's path parameter of the same name
   * @throws IllegalArgumentException for an unclosed placeholder
   */
  public static PlaceholderTemplate uri(String uri, Map<String, ParameterExpression> pathMappings) {
    List<Object> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < uri.length()) {
      char c = uri.charAt(i);
      if (c == '$' && uri.startsWith(STAGE_VARIABLE, i)) {
        i = stageVariable(uri, i, parts, text);
      } else if (c == '{') {
        int end = closing(uri, i, "{parameter}");
        String name = uri.substring(i + 1, end);
        if (name.endsWith("+")) {
          name = name.substring(0, name.length() - 1);
        }
        flush(parts, text);
        ParameterExpression mapped = pathMappings.get(name);
        parts.add(new PathParameter(name,
            mapped != null ? mapped : ParameterExpression.parse("method.request.path." + name)));
        i = end + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    flush(parts, text);
    return new PlaceholderTemplate(parts);
  }

  /**
   * Text with <code>${stageVariables.NAME}</code> placeholders only.
   *
   * @throws IllegalArgumentException for an unclosed placeholder
   */
  public static PlaceholderTemplate stageVariables(String text) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(STAGE_VARIABLE, i)) {
        i = stageVariable(text, i, parts, literal);
      } else {
        literal.append(text.charAt(i++));
      }
    }
    flush(parts, literal);
    return new PlaceholderTemplate(parts);
  }

  /** A gateway response template: <code>$context.x</code>, <code>$stageVariables.x</code>, braced or not. */
  public static PlaceholderTemplate gatewayResponse(String template) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '$') {
        boolean braced = i + 1 < template.length() && template.charAt(i + 1) == '{';
        int start = braced ? i + 2 : i + 1;
        int end = start;
        while (end < template.length() && isNameChar(template.charAt(end))) {
          end++;
        }
        while (end > start && template.charAt(end - 1) == '.') {
          end--;
        }
        String name = template.substring(start, end);
        boolean closed = !braced || (end < template.length() && template.charAt(end) == '}');
        if (closed && (name.startsWith("context.") || name.startsWith("stageVariables."))
            && name.indexOf('.') < name.length() - 1) {
          flush(parts, literal);
          parts.add(ParameterExpression.parse(name));
          i = braced ? end + 1 : end;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    flush(parts, literal);
    return new PlaceholderTemplate(parts);
  }

  private static int stageVariable(String text, int start, List<Object> parts, StringBuilder literal) {
    int end = closing(text, start, "${stageVariables...}");
    flush(parts, literal);
    parts.add(ParameterExpression.parse(text.substring(start + 2, end)));
    return end + 1;
  }

  private static int closing(String text, int start, String what) {
    int end = text.indexOf('}', start);
    if (end < 0) {
      throw new IllegalArgumentException("unclosed " + what + " in " + text);
    }
    return end;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  private static void flush(List<Object> parts, StringBuilder text) {
    if (text.length() > 0) {
      parts.add(text.toString());
      text.setLength(0);
    }
  }

  /** Whether the text has no placeholder. */
  public boolean isLiteral() {
    return literal != null;
  }

  /** The placeholders, in order. */
  public List<ParameterExpression> placeholders() {
    List<ParameterExpression> placeholders = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof ParameterExpression expression) {
        placeholders.add(expression);
      } else if (part instanceof PathParameter parameter) {
        placeholders.add(parameter.source());
      }
    }
    return placeholders;
  }

  /**
   * The text for one request.
   *
   * @throws GatewayException when a placeholder's expression fails (see {@link ParameterExpression#evaluate})
   */
  public String render(Exchange exchange) throws GatewayException {
    return render(exchange, Map.of());
  }

  /**
   * The text for one request, with some <code>{name}</code> placeholders of a {@link #uri} given their values
   * ({@code $context.requestOverride.path.name}) instead of their expressions'.
   *
   * @throws GatewayException when a placeholder's expression fails (see {@link ParameterExpression#evaluate})
   */
  public String render(Exchange exchange, Map<String, String> pathValues) throws GatewayException {
    if (literal != null) {
      return literal;
    }
    StringBuilder out = new StringBuilder(96);
    for (Object part : parts) {
      String value;
      if (part instanceof String s) {
        value = s;
      } else if (part instanceof PathParameter parameter) {
        value = pathValues.get(parameter.name());
        if (value == null) {
          value = parameter.source().evaluate(exchange);
        }
      } else {
        value = ((ParameterExpression) part).evaluate(exchange);
      }
      if (value != null) {
        out.append(value);
      }
    }
    return out.toString();
  }

  /** A <code>{name}</code> placeholder of an integration URI and the expression that fills it. */
  private record PathParameter(String name, ParameterExpression source) {}
}
