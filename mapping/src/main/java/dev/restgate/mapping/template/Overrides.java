package dev.restgate.mapping.template;

import dev.restgate.spi.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $context.requestOverride} and {@code $context.responseOverride} of one exchange, as templates set them
 * ({@code #set($context.responseOverride.status = 418)}). Kept on the exchange, so that what the request template
 * sets reaches the integration, the response template and the method response. Not thread-safe, like the exchange.
 */
public final class Overrides {
  private static final Exchange.Key<Overrides> KEY = Exchange.Key.of("mapping.overrides", Overrides.class);

  private final Map<String, Object> request = new LinkedHashMap<>();
  private final Map<String, Object> response = new LinkedHashMap<>();
  private final Map<String, Object> requestHeaders = new LinkedHashMap<>();
  private final Map<String, Object> requestQuery = new LinkedHashMap<>();
  private final Map<String, Object> requestPath = new LinkedHashMap<>();
  private final Map<String, Object> responseHeaders = new LinkedHashMap<>();

  private Overrides() {
    request.put("header", requestHeaders);
    request.put("querystring", requestQuery);
    request.put("path", requestPath);
    response.put("header", responseHeaders);
  }

  /** The overrides of {@code exchange}, created on first use. */
  public static Overrides of(Exchange exchange) {
    Overrides overrides = exchange.get(KEY);
    if (overrides == null) {
      overrides = new Overrides();
      exchange.put(KEY, overrides);
    }
    return overrides;
  }

  /** {@code $context.requestOverride.header.NAME}. */
  public Map<String, String> requestHeaders() {
    return strings(requestHeaders);
  }

  /** {@code $context.requestOverride.querystring.NAME}. */
  public Map<String, String> requestQuery() {
    return strings(requestQuery);
  }

  /** {@code $context.requestOverride.path.NAME}. */
  public Map<String, String> requestPath() {
    return strings(requestPath);
  }

  /** {@code $context.responseOverride.status}, or null when unset or not a status from 100 to 599. */
  public Integer responseStatus() {
    Object status = response.get("status");
    int value;
    if (status instanceof Number number) {
      value = number.intValue();
    } else if (status instanceof String text && text.trim().matches("\\d{3}")) {
      value = Integer.parseInt(text.trim());
    } else {
      return null;
    }
    return value >= 100 && value <= 599 ? value : null;
  }

  /** {@code $context.responseOverride.header.NAME}. */
  public Map<String, String> responseHeaders() {
    return strings(responseHeaders);
  }

  /** The maps templates see as {@code $context.requestOverride} and {@code $context.responseOverride}. */
  Map<String, Object> requestOverride() {
    return request;
  }

  Map<String, Object> responseOverride() {
    return response;
  }

  private static Map<String, String> strings(Map<String, Object> values) {
    Map<String, String> strings = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (value != null) {
        strings.put(name, String.valueOf(value));
      }
    });
    return strings;
  }
}
