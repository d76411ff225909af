package dev.restgate.mapping;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.mapping.template.Overrides;
import dev.restgate.spi.EndpointRequest;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.OutboundHttp;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.PlaceholderTemplate;
import dev.restgate.spi.RequestParameterMappings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code HTTP} method's call: the endpoint request is the integration's URI with its mapped path parameters,
 * the mapped query parameters and headers ({@code $context.requestOverride} winning in all three), and the body the
 * request side made (the rendered template, or the method request's body passed through); the method request's own
 * query and headers are not sent. The backend's answer is read whole and handed to the MAPPING phase as the endpoint response.
 */
final class HttpIntegration implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpIntegration.class);

  private final OutboundHttp http;
  private final String method;
  private final PlaceholderTemplate uri;
  private final RequestParameterMappings mappings;
  private final Duration timeout;
  private final boolean verifyTls;

  HttpIntegration(OutboundHttp http, String method, PlaceholderTemplate uri, RequestParameterMappings mappings,
      Duration timeout, boolean verifyTls) {
    this.http = http;
    this.method = method;
    this.uri = uri;
    this.mappings = mappings;
    this.timeout = timeout;
    this.verifyTls = verifyTls;
  }

  @Override
  public GatewayResponse handle(Exchange exchange) throws Exception {
    Overrides overrides = Overrides.of(exchange);
    URI target = target(exchange, overrides);
    Headers headers = new Headers(8);
    headers.set("Accept", "application/json");
    String contentType = exchange.request().headers().first("Content-Type");
    headers.set("Content-Type", contentType == null ? MediaTypes.JSON : contentType);
    headers.set("User-Agent", "AmazonAPIGateway_" + exchange.route().api().id());
    headers.set("X-Amzn-Apigateway-Api-Id", exchange.route().api().id());
    if (exchange.traceparent() != null) {
      // A traced request: the backend joins the gateway's trace (mapped headers and overrides may still replace it).
      headers.set("traceparent", exchange.traceparent());
    }
    for (Map.Entry<String, ParameterExpression> header : mappings.headers().entrySet()) {
      String value = header.getValue().evaluate(exchange);
      if (value != null) {
        headers.set(header.getKey(), value);
      }
    }
    overrides.requestHeaders().forEach(headers::set);
    MappedRequest mapped = exchange.get(MappedRequest.KEY);
    Body body = mapped == null ? Body.empty() : Body.of(mapped.body());
    String verb = method.equals("ANY") ? exchange.request().method() : method;
    EndpointRequest request = new EndpointRequest(verb, target, headers, body);
    // Recorded for what reports on the request afterwards (execution logs).
    exchange.endpointRequest(request);
    EndpointResponse received;
    try {
      received = http.send(request, timeout, verifyTls);
    } catch (TimeoutException e) {
      throw new GatewayException(GatewayResponseType.INTEGRATION_TIMEOUT);
    } catch (IOException e) {
      LOG.warn("{}: Execution failed due to a network error calling {}: {}", exchange.requestId(), target,
          e.getMessage());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE);
    }
    byte[] bytes;
    try (Body answer = received.body()) {
      bytes = answer.bytes();
    }
    exchange.endpointResponse(new EndpointResponse(received.status(), received.headers(), Body.of(bytes), null));
    return new GatewayResponse(received.status(), new Headers(0), Body.empty());
  }

  private URI target(Exchange exchange, Overrides overrides) throws GatewayException {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Map.Entry<String, ParameterExpression> mapped : mappings.query().entrySet()) {
      List<String> values = mapped.getValue().values(exchange);
      if (!values.isEmpty()) {
        query.put(mapped.getKey(), values);
      }
    }
    overrides.requestQuery().forEach((name, value) -> query.put(name, List.of(value)));
    StringBuilder full = new StringBuilder(uri.render(exchange, overrides.requestPath()));
    char separator = full.indexOf("?") < 0 ? '?' : '&';
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        full.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    try {
      URI target = URI.create(full.toString());
      if (target.getHost() == null || target.getScheme() == null) {
        throw new IllegalArgumentException("no host");
      }
      return target;
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: Execution failed due to configuration error: Invalid endpoint address {}", exchange.requestId(),
          full);
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
  }
}
