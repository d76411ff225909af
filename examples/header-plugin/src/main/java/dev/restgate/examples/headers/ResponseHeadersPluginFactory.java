package dev.restgate.examples.headers;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.Handler;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Map;
import java.util.Optional;

/**
 * An example third-party plugin: adds fixed headers to the responses of the methods it is configured for, gateway
 * errors included (it runs in the EDGE phase, which sees every outcome). Configured with the OpenAPI extension
 * {@code x-restgate-response-headers}, at API level (all methods) or on an operation (that method; it replaces the
 * API-level value):
 *
 * <pre>
 * x-restgate-response-headers:
 *   headers:
 *     Strict-Transport-Security: max-age=63072000
 *     X-Content-Type-Options: nosniff
 * </pre>
 */
public final class ResponseHeadersPluginFactory implements PluginFactory<ResponseHeadersPluginFactory.Config> {

  /**
   * The extension's value.
   *
   * @param headers header name to value, added (replacing any header of the same name) to each response
   */
  public record Config(Map<String, String> headers) {}

  @Override
  public String name() {
    return "response-headers";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public String extension() {
    return "x-restgate-response-headers";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Config config) {
    if (config == null || config.headers() == null || config.headers().isEmpty()) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> header : config.headers().entrySet()) {
      if (header.getKey().isBlank() || header.getValue() == null) {
        throw new IllegalArgumentException("headers: every header needs a name and a value");
      }
    }
    Map<String, String> headers = Map.copyOf(config.headers());
    return Optional.of(new ResponseHeadersPlugin(headers));
  }

  /** Shared by every request of a method; holds only its immutable configuration. */
  private record ResponseHeadersPlugin(Map<String, String> headers) implements Plugin {
    @Override
    public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
      GatewayResponse response = next.handle(exchange);
      headers.forEach(response.headers()::set);
      return response;
    }
  }
}
