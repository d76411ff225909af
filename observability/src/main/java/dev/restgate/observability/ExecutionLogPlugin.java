package dev.restgate.observability;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.EndpointRequest;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Execution logs, as API Gateway writes them to the log group {@code API-Gateway-Execution-Logs_{apiId}/{stage}}: at
 * {@code INFO} the course of every request (start, method, endpoint request, endpoint response, outcome, status),
 * at {@code ERROR} only requests that failed; {@code dataTraceEnabled} adds the data (request and response headers
 * and bodies, bodies cut at 1 KB), with credentials masked as AWS masks them. The lines are written once the
 * response has been sent, by the log writer's thread. Runs in the {@code EDGE} phase.
 */
final class ExecutionLogPlugin implements Plugin {
  /** How much of a body AWS logs. */
  static final int BODY_BYTES = 1024;
  /** Header fields whose values are masked, all but their last four characters. */
  private static final Set<String> MASKED = Set.of("authorization", "proxy-authorization", "x-api-key",
      "x-amz-security-token", "cookie", "set-cookie");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private final boolean info;
  private final boolean dataTrace;
  private final LogDestination destination;
  private final AccessLogWriter writer;
  private final Clock clock;

  ExecutionLogPlugin(boolean info, boolean dataTrace, LogDestination destination, AccessLogWriter writer,
      Clock clock) {
    this.info = info;
    this.dataTrace = dataTrace;
    this.destination = destination;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    GatewayResponse response = next.handle(exchange);
    GatewayException error = exchange.error();
    if (!info && error == null && response.status() < 400) {
      return response;
    }
    List<String> lines = course(exchange, response, error);
    if (!dataTrace) {
      end(lines, error, response.status());
      write(exchange, lines);
      return response;
    }
    Headers headers = response.headers();
    int status = response.status();
    // The first 1 KB of what is sent, and one byte more, which marks a longer body.
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    Body.Sent keep = (bytes, offset, length) -> kept.write(bytes, offset,
        Math.max(0, Math.min(length, BODY_BYTES + 1 - kept.size())));
    return new GatewayResponse(status, headers, Body.observed(response.body(), keep, () -> {
      byte[] sent = kept.toByteArray();
      lines.add("Method response body after transformations: " + text(sent, sent.length));
      lines.add("Method response headers: " + headers(headers));
      end(lines, error, status);
      write(exchange, lines);
    }));
  }

  private static void end(List<String> lines, GatewayException error, int status) {
    if (error == null) {
      lines.add("Successfully completed execution");
    }
    lines.add("Method completed with status: " + status);
  }

  private List<String> course(Exchange exchange, GatewayResponse response, GatewayException error) {
    List<String> lines = new ArrayList<>(24);
    lines.add("Extended Request Id: " + exchange.extendedRequestId());
    lines.add("Starting execution for request: " + exchange.requestId());
    lines.add("HTTP Method: " + exchange.request().method() + ", Resource Path: " + exchange.route().path());
    if (dataTrace) {
      lines.add("Method request path: " + map(exchange.route().pathParameters()));
      lines.add("Method request query string: " + map(exchange.request().query()));
      lines.add("Method request headers: " + headers(exchange.request().headers()));
      lines.add("Method request body before transformations: " + requestBody(exchange));
    }
    EndpointRequest endpoint = exchange.endpointRequest();
    if (endpoint != null) {
      lines.add("Endpoint request URI: " + endpoint.uri());
      if (dataTrace) {
        lines.add("Endpoint request headers: " + headers(endpoint.headers()));
        lines.add("Endpoint request body after transformations: " + body(endpoint.body()));
      }
      lines.add("Sending request to " + endpoint.uri());
    }
    EndpointResponse answer = exchange.endpointResponse();
    int status = answer != null ? answer.status() : exchange.integrationStatus();
    if (status > 0 && exchange.integrationLatencyNanos() >= 0) {
      lines.add("Received response. Status: " + status + ", Integration latency: "
          + TimeUnit.NANOSECONDS.toMillis(exchange.integrationLatencyNanos()) + " ms");
    }
    if (answer != null) {
      if (dataTrace) {
        lines.add("Endpoint response headers: " + headers(answer.headers()));
        lines.add("Endpoint response body before transformations: " + body(answer.body()));
      }
    }
    if (error != null) {
      lines.add(failure(error));
      lines.add("Gateway response type: " + error.type() + " with status code: " + response.status());
    }
    return lines;
  }

  /** AWS's wording for why the request failed. */
  private static String failure(GatewayException error) {
    GatewayResponseType type = error.type();
    if (type == GatewayResponseType.INTEGRATION_TIMEOUT) {
      return "Execution failed due to a timeout error";
    }
    if (type == GatewayResponseType.API_CONFIGURATION_ERROR) {
      return "Execution failed due to configuration error: " + error.errorMessage();
    }
    if (type == GatewayResponseType.INTEGRATION_FAILURE) {
      return "Execution failed due to an integration failure: " + error.errorMessage();
    }
    return "Execution failed: " + error.errorMessage();
  }

  private void write(Exchange exchange, List<String> lines) {
    String prefix = TIME.format(clock.instant()) + " (" + exchange.requestId() + ") ";
    for (String line : lines) {
      writer.write(destination, prefix + line);
    }
  }

  /** The request body if something read it, else what became of it; never read here for the first time. */
  private static String requestBody(Exchange exchange) {
    if (!exchange.request().hasBody()) {
      return "";
    }
    try {
      byte[] body = exchange.request().bodyBytes();
      return text(body, body.length);
    } catch (IOException | RuntimeException e) {
      return "[streamed to the integration, not logged]";
    }
  }

  private static String body(Body body) {
    try {
      byte[] bytes = body.bytes();
      return text(bytes, bytes.length);
    } catch (IOException e) {
      return "[not logged: " + e.getMessage() + "]";
    }
  }

  /** The first 1 KB of a body as text, marked when there was more. */
  static String text(byte[] bytes, long length) {
    int shown = (int) Math.min(Math.min(bytes.length, length), BODY_BYTES);
    String text = new String(bytes, 0, shown, StandardCharsets.UTF_8);
    return length > BODY_BYTES ? text + " [TRUNCATED]" : text;
  }

  /** Header fields as AWS logs them, {@code {Name=value, ...}}, credentials masked. */
  static String headers(Headers headers) {
    StringJoiner joined = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      joined.add(name + "=" + (MASKED.contains(name.toLowerCase(Locale.ROOT)) ? mask(value) : value));
    }
    return joined.toString();
  }

  /** All but the last four characters starred, as AWS logs keys and tokens; short values wholly. */
  static String mask(String value) {
    int shown = value.length() > 12 ? 4 : 0;
    return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
  }

  private static String map(Map<String, ?> values) {
    StringJoiner joined = new StringJoiner(", ", "{", "}");
    values.forEach((name, value) -> joined.add(name + "=" + (value instanceof List<?> list && list.size() == 1
        ? list.get(0) : value)));
    return joined.toString();
  }
}
