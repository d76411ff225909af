package dev.restgate.observability;

import dev.restgate.spi.ContextVariables;
import dev.restgate.spi.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's access log format, compiled once: literal text and {@code $context} variables, as AWS substitutes them
 * (no templating beyond that). A variable without a value prints {@code -}, as AWS prints it. Immutable.
 */
final class AccessLogFormat {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$context\\.([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_-]*)*)");

  private final String[] literals;
  private final String[] variables;

  private AccessLogFormat(String[] literals, String[] variables) {
    this.literals = literals;
    this.variables = variables;
  }

  static AccessLogFormat compile(String format) {
    List<String> literals = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(format);
    int end = 0;
    while (matcher.find()) {
      literals.add(format.substring(end, matcher.start()));
      variables.add(matcher.group(1));
      end = matcher.end();
    }
    literals.add(format.substring(end));
    return new AccessLogFormat(literals.toArray(String[]::new), variables.toArray(String[]::new));
  }

  /** The line of one request, without a line break. */
  String render(Exchange exchange, Outcome outcome) {
    StringBuilder line = new StringBuilder(256);
    for (int i = 0; i < variables.length; i++) {
      line.append(literals[i]);
      String value = value(variables[i], exchange, outcome);
      line.append(value == null || value.isEmpty() ? "-" : value);
    }
    return line.append(literals[variables.length]).toString();
  }

  private static String value(String name, Exchange exchange, Outcome outcome) {
    return switch (name) {
      case "status" -> Integer.toString(outcome.status());
      case "responseLength" -> Long.toString(outcome.responseLength());
      case "responseLatency" -> Long.toString(outcome.latencyMillis());
      default -> ContextVariables.lookup(name, exchange);
    };
  }

  /**
   * What became of a request once its response was sent.
   *
   * @param responseLength the bytes of the response body sent
   * @param latencyMillis from the request's arrival at its method to the end of its response
   */
  record Outcome(int status, long responseLength, long latencyMillis) {}
}
