package dev.restgate.mapping;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.mapping.template.Overrides;
import dev.restgate.mapping.template.TemplateException;
import dev.restgate.mapping.template.VtlTemplate;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.Plugin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request and response mapping of one non-proxy method: before the integration, the request template chosen
 * by {@code Content-Type} renders the endpoint request's body (or the body passes through, or 415), and the
 * integration's {@code contentHandling} converts it between text and binary; after it, the integration response
 * chosen by the backend's status (a Lambda function's {@code errorMessage}) maps headers, converts the body to the
 * form the client's {@code Accept} or its own {@code contentHandling} asks for, renders a text body with the template
 * for the client's {@code Accept}, and {@code $context.responseOverride} has the last word.
 *
 * <p>A payload is binary when its {@code Content-Type} is one of the API's {@code binaryMediaTypes}. Templates render
 * text only: a payload that stays binary, or is converted to binary, passes through untemplated.
 */
final class MappingPlugin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(MappingPlugin.class);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String method;
  private final RequestTemplates requestTemplates;
  private final ContentHandling requestHandling;
  private final IntegrationResponses responses;
  private final boolean selectByErrorMessage;
  private final BinaryMediaTypes binaryMediaTypes;

  MappingPlugin(String method, RequestTemplates requestTemplates, ContentHandling requestHandling,
      IntegrationResponses responses, boolean selectByErrorMessage, BinaryMediaTypes binaryMediaTypes) {
    this.method = method;
    this.requestTemplates = requestTemplates;
    this.requestHandling = requestHandling;
    this.responses = responses;
    this.selectByErrorMessage = selectByErrorMessage;
    this.binaryMediaTypes = binaryMediaTypes;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    exchange.put(MappedRequest.KEY, new MappedRequest(endpointRequestBody(exchange)));
    GatewayResponse backend = next.handle(exchange);
    EndpointResponse endpoint = exchange.endpointResponse();
    if (endpoint == null) {
      return backend;
    }
    backend.body().close();
    return methodResponse(exchange, endpoint);
  }

  private byte[] endpointRequestBody(Exchange exchange) throws GatewayException {
    String contentType = exchange.request().headers().first("Content-Type");
    VtlTemplate template = requestTemplates.select(contentType);
    byte[] payload = exchange.requestBody();
    boolean binary = binaryMediaTypes.matches(contentType);
    if (binary && requestHandling != ContentHandling.CONVERT_TO_TEXT) {
      return payload;
    }
    String text = binary ? Base64.getEncoder().encodeToString(payload) : new String(payload, StandardCharsets.UTF_8);
    String mapped = template == null ? text : render(template, exchange, text, "request");
    return requestHandling == ContentHandling.CONVERT_TO_BINARY
        ? base64Decoded(mapped, exchange, "request")
        : mapped.getBytes(StandardCharsets.UTF_8);
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
    String accept = exchange.request().headers().first("Accept");
    byte[] payload = endpoint.body().bytes();
    String endpointType = endpoint.headers().first("Content-Type");
    boolean payloadBinary = binaryMediaTypes.matches(endpointType);
    boolean toBinary = response.contentHandling() == ContentHandling.UNSET
        ? binaryMediaTypes.matches(accept)
        : response.contentHandling() == ContentHandling.CONVERT_TO_BINARY;
    ResponseTemplates.Selected selected = toBinary ? null : response.templates().select(accept);
    byte[] body;
    if (selected == null) {
      body = toBinary == payloadBinary ? payload
          : toBinary ? base64Decoded(new String(payload, StandardCharsets.UTF_8), exchange, "response")
          : Base64.getEncoder().encode(payload);
      headers.set("Content-Type", endpointType == null ? MediaTypes.JSON : endpointType);
    } else {
      String text = payloadBinary ? Base64.getEncoder().encodeToString(payload)
          : new String(payload, StandardCharsets.UTF_8);
      body = render(selected.template(), exchange, text, "response").getBytes(StandardCharsets.UTF_8);
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

  /** Base64 text (line breaks allowed) as bytes; text that is not Base64 cannot be converted, the API's fault. */
  private byte[] base64Decoded(String text, Exchange exchange, String side) throws GatewayException {
    try {
      return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
    } catch (IllegalArgumentException e) {
      LOG.warn("{} {}: Execution failed due to configuration error: the {} body could not be converted to binary: "
          + "it is not Base64 ({})", exchange.requestId(), method, side, e.getMessage());
      throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
  }
}
