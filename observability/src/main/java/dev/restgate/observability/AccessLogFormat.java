package dev.restgate.observability;

import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.spi.ContextVariables;
import dev.restgate.spi.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
      case "integrationLatency", "integration.latency" -> integrationLatency(exchange);
      case "integrationStatus" -> integrationStatus(exchange, true);
      case "integration.status" -> integrationStatus(exchange, false);
      default -> ContextVariables.lookup(name, exchange);
    };
  }

  private static String integrationLatency(Exchange exchange) {
    long nanos = exchange.integrationLatencyNanos();
    return nanos < 0 ? null : Long.toString(TimeUnit.NANOSECONDS.toMillis(nanos));
  }

  /**
   * The integration's status. For a Lambda proxy integration AWS reports, as {@code integrationStatus}, what the
   * Lambda service answered (200 once the function returned) and, as {@code integration.status}, the function's own
   * {@code statusCode}.
   */
  private static String integrationStatus(Exchange exchange, boolean ofService) {
    int status = exchange.integrationStatus();
    if (status == 0) {
      return null;
    }
    if (ofService && lambdaProxy(exchange)) {
      return "200";
    }
    return Integer.toString(status);
  }

  private static boolean lambdaProxy(Exchange exchange) {
    Method method = exchange.route() == null ? null : exchange.route().method();
    Integration integration = method == null ? null : method.methodIntegration();
    return integration != null && "AWS_PROXY".equalsIgnoreCase(integration.type());
  }

  /**
   * What became of a request once its response was sent.
   *
   * @param responseLength the bytes of the response body sent
   * @param latencyMillis from the request's arrival at its method to the end of its response
   */
  record Outcome(int status, long responseLength, long latencyMillis) {}
}
