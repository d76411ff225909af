package dev.restgate.internal.response;

import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.http.Body;
import dev.restgate.internal.context.ParameterSource;
import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
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
  public static final GatewayResponses DEFAULTS = new GatewayResponses(new EnumMap<>(GatewayResponseType.class), "");

  private final Map<GatewayResponseType, Compiled> byType;
  private final String accountId;

  private GatewayResponses(Map<GatewayResponseType, Compiled> byType, String accountId) {
    this.byType = byType;
    this.accountId = accountId;
  }

  /**
   * Compiles an API's customisations.
   *
   * @throws IllegalArgumentException naming the first customisation that cannot be compiled
   */
  public static GatewayResponses compile(Map<String, CustomGatewayResponse> customized, String accountId) {
    Map<GatewayResponseType, Compiled> compiled = new EnumMap<>(GatewayResponseType.class);
    for (Map.Entry<String, CustomGatewayResponse> entry : customized.entrySet()) {
      GatewayResponseType type = GatewayResponseType.valueOf(entry.getKey());
      compiled.put(type, Compiled.of(entry.getValue(), accountId));
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
    return new GatewayResponses(resolved, accountId);
  }

  /** Renders {@code error} for {@code exchange}. */
  public GatewayResponse render(GatewayException error, Exchange exchange) {
    GatewayResponseType type = error.type();
    Compiled custom = byType.get(type);
    Headers headers = new Headers(6);
    if (custom == null) {
      headers.add("Content-Type", "application/json");
      headers.add("x-amzn-ErrorType", type.errorType());
      return new GatewayResponse(error.status(), headers, Body.of(type.defaultBody(error.errorMessage())));
    }
    int status = custom.status == null ? error.status() : custom.status;
    headers.add("Content-Type", custom.contentType);
    headers.add("x-amzn-ErrorType", type.errorType());
    for (Map.Entry<String, ParameterSource> header : custom.headers.entrySet()) {
      String value = header.getValue().resolve(exchange);
      if (value != null) {
        headers.set(header.getKey(), value);
      }
    }
    String body = custom.template.render(error, exchange, accountId);
    return new GatewayResponse(status, headers, Body.of(body));
  }

  private record Compiled(
      Integer status, Map<String, ParameterSource> headers, String contentType, SubstitutionTemplate template) {

    static Compiled of(CustomGatewayResponse custom, String accountId) {
      Integer status = custom.statusCode() == null || custom.statusCode().isBlank()
          ? null
          : Integer.valueOf(custom.statusCode().trim());
      Map<String, ParameterSource> headers = new LinkedHashMap<>();
      List<String> unknown = new ArrayList<>();
      for (Map.Entry<String, String> p : custom.responseParameters().entrySet()) {
        String key = p.getKey();
        if (key.startsWith("gatewayresponse.header.")) {
          headers.put(key.substring("gatewayresponse.header.".length()), ParameterSource.parse(p.getValue(),
              accountId));
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
      return new Compiled(status, headers, contentType, SubstitutionTemplate.parse(template));
    }
  }
}
