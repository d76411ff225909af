package dev.restgate.plugins;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.EndpointRequest;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import dev.restgate.spi.PlaceholderTemplate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A test MAPPING plugin configured by {@code x-test-mapping: {uri}}, shaped as a mapping template module would be:
 * it builds the endpoint request (a POST of the upper-cased client body to {@code uri}), lets the integration send
 * it, and makes the method response of the raw endpoint response: always 200, with the backend's status in a header
 * and its body wrapped.
 */
public final class MappingFixturePluginFactory implements PluginFactory<MappingFixturePluginFactory.Config> {

  /** The extension's value: the backend URI, <code>${stageVariables.x}</code> allowed. */
  public record Config(String uri) {}

  @Override
  public String name() {
    return "mapping-fixture";
  }

  @Override
  public Phase phase() {
    return Phase.MAPPING;
  }

  @Override
  public String extension() {
    return "x-test-mapping";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Config config) {
    if (config == null) {
      return Optional.empty();
    }
    PlaceholderTemplate uri = PlaceholderTemplate.uri(config.uri(), Map.of());
    return Optional.of((exchange, next) -> {
      Headers headers = new Headers(2).add("Content-Type", "text/plain").add("X-Mapped", "true");
      exchange.endpointRequest(new EndpointRequest("POST", URI.create(uri.render(exchange)), headers,
          Body.of(exchange.requestBodyText().toUpperCase(Locale.ROOT))));
      next.handle(exchange);
      EndpointResponse raw = exchange.endpointResponse();  // its body is the one next returned: closed below
      String body;
      try (Body backendBody = raw.body()) {
        body = new String(backendBody.bytes(), StandardCharsets.UTF_8);
      }
      GatewayResponse response = GatewayResponse.json(200, "{\"wrapped\":" + body + "}");
      response.headers().add("X-Backend-Status", Integer.toString(raw.status()));
      return response;
    });
  }
}
