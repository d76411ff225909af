package dev.restgate.internal.response;

import dev.restgate.internal.context.ContextVariables;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.Json;
import dev.restgate.spi.RouteMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway response template. These are not VTL: AWS replaces {@code $context.x}, {@code $stageVariables.x} (and the
 * {@code ${...}} forms) textually and leaves everything else alone, so the result need not be JSON. Parsed once.
 */
final class SubstitutionTemplate {
  private final List<Object> parts;

  private SubstitutionTemplate(List<Object> parts) {
    this.parts = parts;
  }

  static SubstitutionTemplate parse(String template) {
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
        if (closed && (name.startsWith("context.") || name.startsWith("stageVariables."))) {
          if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
          }
          parts.add(new Variable(name));
          i = braced ? end + 1 : end;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return new SubstitutionTemplate(List.copyOf(parts));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  String render(GatewayException error, Exchange exchange, String accountId) {
    StringBuilder out = new StringBuilder(64);
    for (Object part : parts) {
      if (part instanceof Variable variable) {
        String value = variable.resolve(error, exchange, accountId);
        if (value != null) {
          out.append(value);
        }
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  private record Variable(String name) {
    String resolve(GatewayException error, Exchange exchange, String accountId) {
      if (name.startsWith("stageVariables.")) {
        RouteMatch route = exchange.route();
        return route == null ? null : route.stageVariables().get(name.substring("stageVariables.".length()));
      }
      String context = name.substring("context.".length());
      return switch (context) {
        case "error.message" -> error.errorMessage();
        case "error.messageString" -> error.errorMessage() == null ? "null" : Json.quote(error.errorMessage());
        case "error.responseType" -> error.type().name();
        case "error.validationErrorString" -> null;
        default -> ContextVariables.lookup(context, exchange, accountId);
      };
    }
  }
}
