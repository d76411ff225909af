package dev.restgate.internal.integration;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.internal.context.TraceIds;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.PlaceholderTemplate;
import dev.restgate.spi.RequestParameterMappings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code HTTP_PROXY}: forwards the request to the backend and its answer to the client, streaming both bodies. The
 * method is the integration's ({@code ANY} passes the client's), the URI is the integration's with placeholders
 * filled, the client's query string and headers go along with the mapped ones merged in, and the backend's status,
 * headers and body come back with API Gateway's header remapping.
 *
 * <p>With {@code responseTransferMode: STREAM} the body reaches the client as the backend sends it (each piece
 * flushed, chunked, no length), the timeout may reach 15 minutes, and a backend silent for 5 minutes (AWS's idle
 * timeout) is cut off: the client then sees the body end early.
 */
final class HttpProxyIntegration implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpProxyIntegration.class);

  /** Request headers API Gateway never forwards (hop-by-hop and those the client library sets itself). */
  private static final Set<String> DROPPED_REQUEST_HEADERS = Set.of("connection", "content-length", "content-md5",
      "expect", "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade",
      "www-authenticate", "host", "keep-alive", "proxy-connection");
  private static final Headers EMPTY = new Headers(0);
  /** Small bodies are cheaper to send in one piece than through a stream. */
  private static final int BUFFER_BELOW_BYTES = 64 * 1024;
  /** AWS's idle timeout of a streamed response on regional endpoints. */
  private static final long STREAM_IDLE_TIMEOUT_SECONDS = 300;

  private final HttpClient client;
  private final String httpMethod;
  private final PlaceholderTemplate uri;
  private final RequestParameterMappings mappings;
  private final long timeoutMillis;
  private final boolean streams;

  HttpProxyIntegration(HttpClient client, String httpMethod, PlaceholderTemplate uri,
      RequestParameterMappings mappings, long timeoutMillis, boolean streams) {
    this.client = client;
    this.httpMethod = httpMethod;
    this.uri = uri;
    this.mappings = mappings;
    this.timeoutMillis = timeoutMillis;
    this.streams = streams;
  }

  @Override
  public GatewayResponse handle(Exchange exchange) throws Exception {
    GatewayRequest request = exchange.request();
    URI target = target(exchange);
    String method = httpMethod.equals("ANY") ? request.method() : httpMethod;
    Request outbound = client.newRequest(target).method(method);
    Headers mapped = mappedHeaders(exchange);
    outbound.headers(fields -> {
      Headers headers = request.headers();
      for (int i = 0; i < headers.size(); i++) {
        String name = headers.name(i);
        if (!DROPPED_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          fields.add(name, headers.value(i));
        }
      }
      String forwardedFor = headers.last("X-Forwarded-For");
      fields.put("X-Forwarded-For",
          forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
      fields.put("X-Forwarded-Proto", request.scheme());
      fields.put("X-Forwarded-Port", Integer.toString(request.localPort()));
      fields.put("X-Amzn-Trace-Id", TraceIds.of(exchange));
      String traceparent = exchange.traceparent();
      if (traceparent != null) {
        // The gateway's span is the backend's parent now; the client's traceparent and tracestate describe another.
        fields.remove("tracestate");
        fields.put("traceparent", traceparent);
      }
      fields.put("X-Amzn-Apigateway-Api-Id", exchange.route().api().id());
      mapped.forEach(fields::put);
    });
    attachBody(request, outbound);
    if (streams) {
      outbound.idleTimeout(STREAM_IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    HttpClients.Received received;
    try {
      received = HttpClients.send(outbound, timeoutMillis);
    } catch (TimeoutException e) {
      throw new GatewayException(GatewayResponseType.INTEGRATION_TIMEOUT);
    } catch (IOException e) {
      LOG.warn("Execution failed due to a network error calling {}: {}", target, e.getMessage());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE);
    }
    Response response = received.response();
    Body body = streams ? Body.live(received.body())
        : Body.stream(received.body(), response.getHeaders().getLongField("Content-Length"));
    return new GatewayResponse(response.getStatus(), responseHeaders(response), body);
  }

  private Headers mappedHeaders(Exchange exchange) throws GatewayException {
    if (mappings.headers().isEmpty()) {
      return EMPTY;
    }
    Headers mapped = new Headers(mappings.headers().size());
    for (Map.Entry<String, ParameterExpression> header : mappings.headers().entrySet()) {
      String value = header.getValue().evaluate(exchange);
      if (value != null) {
        mapped.set(header.getKey(), value);
      }
    }
    return mapped;
  }

  private URI target(Exchange exchange) throws GatewayException {
    String expanded = uri.render(exchange);
    StringBuilder query = new StringBuilder();
    String rawQuery = exchange.request().rawQuery();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      query.append(rawQuery);
    }
    for (Map.Entry<String, ParameterExpression> mapped : mappings.query().entrySet()) {
      for (String value : mapped.getValue().values(exchange)) {
        if (query.length() > 0) {
          query.append('&');
        }
        query.append(URLEncoder.encode(mapped.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    String full = expanded;
    if (query.length() > 0) {
      full = expanded + (expanded.indexOf('?') < 0 ? '?' : '&') + query;
    }
    try {
      URI target = URI.create(full);
      if (target.getHost() == null || target.getScheme() == null) {
        throw new IllegalArgumentException("no host");
      }
      return target;
    } catch (IllegalArgumentException e) {
      LOG.warn("Execution failed due to configuration error: Invalid endpoint address {}", full);
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR, "Internal server error", 500);
    }
  }

  /**
   * A body with a declared length (within the payload limit, which the chain checked) streams to the backend; a
   * chunked body of unknown length is read first, so that one over the limit is refused with 413 before the backend
   * sees a byte of it.
   */
  private static void attachBody(GatewayRequest request, Request outbound) throws IOException {
    if (!request.hasBody()) {
      return;
    }
    String contentType = request.headers().last("Content-Type");
    long length = request.declaredLength();
    if (length < BUFFER_BELOW_BYTES) {
      // Unknown (-1: chunked) or small.
      outbound.body(new BytesRequestContent(contentType, request.bodyBytes()));
      return;
    }
    outbound.body(new InputStreamRequestContent(contentType, request.bodyStream()));
  }

  private static Headers responseHeaders(Response response) {
    Headers headers = new Headers(response.getHeaders().size() + 2);
    for (HttpField field : response.getHeaders()) {
      String name = field.getName();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "connection", "content-length", "date", "server" -> headers.add("x-amzn-Remapped-" + name,
            field.getValue());
        case "transfer-encoding", "keep-alive" -> {
          // Framing belongs to each hop; the container frames the client's response itself.
        }
        default -> headers.add(name, field.getValue());
      }
    }
    return headers;
  }

}
