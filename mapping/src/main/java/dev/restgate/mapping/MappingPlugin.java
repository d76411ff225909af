package dev.restgate.mapping;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.mapping.template.Overrides;
import dev.restgate.mapping.template.TemplateException;
import dev.restgate.mapping.template.VtlTemplate;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.Plugin;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request and response mapping of one non-proxy method: before the integration, the request template chosen
 * by {@code Content-Type} renders the endpoint request's body (or the body passes through, or 415); after it, the
 * integration response chosen by the backend's status (a Lambda function's {@code errorMessage}) maps headers,
 * renders the body for the client's {@code Accept}, and {@code $context.responseOverride} has the last word.
 */
final class MappingPlugin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(MappingPlugin.class);

  private final String method;
  private final RequestTemplates requestTemplates;
  private final IntegrationResponses responses;
  private final boolean selectByErrorMessage;

  MappingPlugin(String method, RequestTemplates requestTemplates, IntegrationResponses responses,
      boolean selectByErrorMessage) {
    this.method = method;
    this.requestTemplates = requestTemplates;
    this.responses = responses;
    this.selectByErrorMessage = selectByErrorMessage;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    VtlTemplate template = requestTemplates.select(exchange.request().headers().first("Content-Type"));
    String requestBody = exchange.requestBodyText();
    exchange.put(MappedRequest.KEY, new MappedRequest(template == null ? requestBody
        : render(template, exchange, requestBody, "request")));
    GatewayResponse backend = next.handle(exchange);
    EndpointResponse endpoint = exchange.endpointResponse();
    if (endpoint == null) {
      return backend;
    }
    backend.body().close();
    return methodResponse(exchange, endpoint);
  }

  private GatewayResponse methodResponse(Exchange exchange, EndpointResponse endpoint) throws Exception {
    String input = selectByErrorMessage ? endpoint.errorMessage() : Integer.toString(endpoint.status());
    IntegrationResponses.Selectable response = responses.select(input);
    if (response == null) {
      LOG.warn("{} {}: Execution failed due to configuration error: No match for output mapping and no default "
          + "output mapping configured. Endpoint Response Status Code: {}", exchange.requestId(), method,
          endpoint.status());
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
    Headers headers = new Headers(4);
    for (Map.Entry<String, ParameterExpression> header : response.headers().entrySet()) {
      String value = header.getValue().evaluate(exchange);
      if (value != null) {
        headers.set(header.getKey(), value);
      }
    }
    String endpointBody = new String(endpoint.body().bytes(), StandardCharsets.UTF_8);
    ResponseTemplates.Selected selected = response.templates().select(exchange.request().headers().first("Accept"));
    String body;
    if (selected == null) {
      body = endpointBody;
      String type = endpoint.headers().first("Content-Type");
      headers.set("Content-Type", type == null ? MediaTypes.JSON : type);
    } else {
      body = render(selected.template(), exchange, endpointBody, "response");
      headers.set("Content-Type", selected.mediaType());
    }
    int status = response.statusCode();
    Overrides overrides = Overrides.of(exchange);
    if (overrides.responseStatus() != null) {
      status = overrides.responseStatus();
    }
    overrides.responseHeaders().forEach(headers::set);
    return new GatewayResponse(status, headers, Body.of(body));
  }

  /** A template that cannot render is the API's fault: AWS answers 500 and logs why. */
  private String render(VtlTemplate template, Exchange exchange, String input, String side)
      throws GatewayException {
    try {
      return template.render(exchange, input);
    } catch (TemplateException e) {
      LOG.warn("{} {}: Execution failed due to configuration error: the {} template could not be rendered: {}",
          exchange.requestId(), method, side, e.getMessage());
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
  }
}
