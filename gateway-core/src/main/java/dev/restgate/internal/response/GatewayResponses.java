package dev.restgate.internal.response;

import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.http.Body;
import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.PlaceholderTemplate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway responses of one API, compiled at deploy time: for every response type, the API's customisation of that
 * type, else its family's ({@code DEFAULT_4XX}/{@code DEFAULT_5XX}), else the AWS default. Thread-safe.
 */
public final class GatewayResponses {
  private static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

  /** The AWS defaults, for requests that reached no API. */
  public static final GatewayResponses DEFAULTS = new GatewayResponses(new EnumMap<>(GatewayResponseType.class));

  private final Map<GatewayResponseType, Compiled> byType;
  private GatewayResponses(Map<GatewayResponseType, Compiled> byType) {
    this.byType = byType;
  }

  /**
   * Compiles an API's customisations.
   *
   * @throws IllegalArgumentException naming the first customisation that cannot be compiled
   */
  public static GatewayResponses compile(Map<String, CustomGatewayResponse> customized) {
    Map<GatewayResponseType, Compiled> compiled = new EnumMap<>(GatewayResponseType.class);
    for (Map.Entry<String, CustomGatewayResponse> entry : customized.entrySet()) {
      GatewayResponseType type = GatewayResponseType.valueOf(entry.getKey());
      compiled.put(type, Compiled.of(entry.getValue()));
    }
    Map<GatewayResponseType, Compiled> resolved = new EnumMap<>(GatewayResponseType.class);
    for (GatewayResponseType type : GatewayResponseType.values()) {
      if (!type.isCustomizable() || type.errorType() == null) {
        continue;
      }
      Compiled own = compiled.get(type);
      if (own == null && type.is4xx()) {
        own = compiled.get(GatewayResponseType.DEFAULT_4XX);
      } else if (own == null && type.is5xx()) {
        own = compiled.get(GatewayResponseType.DEFAULT_5XX);
      }
      if (own != null) {
        resolved.put(type, own);
      }
    }
    return new GatewayResponses(resolved);
  }

  /** Renders {@code error} for {@code exchange}, which then carries it as {@link Exchange#error()}. */
  public GatewayResponse render(GatewayException error, Exchange exchange) {
    exchange.error(error);
    GatewayResponseType type = error.type();
    Compiled custom = byType.get(type);
    Headers headers = new Headers(6);
    if (custom == null) {
      headers.add("Content-Type", "application/json");
      headers.add("x-amzn-ErrorType", error.errorType());
      return new GatewayResponse(error.status(), headers, Body.of(type.defaultBody(error.errorMessage())));
    }
    int status = custom.status == null ? error.status() : custom.status;
    headers.add("Content-Type", custom.contentType);
    headers.add("x-amzn-ErrorType", error.errorType());
    try {
      for (Map.Entry<String, ParameterExpression> header : custom.headers.entrySet()) {
        String value = header.getValue().evaluate(exchange);
        if (value != null) {
          headers.set(header.getKey(), value);
        }
      }
      return new GatewayResponse(status, headers, Body.of(custom.template.render(exchange)));
    } catch (GatewayException e) {
      throw new IllegalStateException("gateway responses read no request body, so nothing here can fail", e);
    }
  }

  private record Compiled(
      Integer status, Map<String, ParameterExpression> headers, String contentType, PlaceholderTemplate template) {

    static Compiled of(CustomGatewayResponse custom) {
      Integer status = custom.statusCode() == null || custom.statusCode().isBlank()
          ? null
          : Integer.valueOf(custom.statusCode().trim());
      Map<String, ParameterExpression> headers = new LinkedHashMap<>();
      List<String> unknown = new ArrayList<>();
      for (Map.Entry<String, String> p : custom.responseParameters().entrySet()) {
        String key = p.getKey();
        if (key.startsWith("gatewayresponse.header.")) {
          ParameterExpression source = ParameterExpression.parse(p.getValue());
          if (source.source() == ParameterExpression.Source.BODY) {
            throw new IllegalArgumentException(key + ": a gateway response cannot map the request body");
          }
          headers.put(key.substring("gatewayresponse.header.".length()), source);
        } else {
          unknown.add(key);
        }
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unsupported gateway response parameters " + unknown
            + ": only gatewayresponse.header.NAME can be set");
      }
      String contentType = "application/json";
      String template = DEFAULT_TEMPLATE;
      Map<String, String> templates = custom.responseTemplates();
      if (templates.containsKey("application/json")) {
        template = templates.get("application/json");
      } else if (!templates.isEmpty()) {
        Map.Entry<String, String> first = templates.entrySet().iterator().next();
        contentType = first.getKey();
        template = first.getValue();
      }
      return new Compiled(status, headers, contentType, PlaceholderTemplate.gatewayResponse(template));
    }
  }
}
