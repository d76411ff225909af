package dev.restgate.plugins;

import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Optional;

/**
 * A test plugin in the first phase, on every method: tags responses with {@code X-Trace: edge} and answers 429 without
 * calling {@code next} when the request carries {@code X-Block}; says in {@code X-Integration} what the integration
 * answered ({@code status 404}, {@code status 0} for a failure) or that it was {@code not called}.
 */
public final class EdgePluginFactory implements PluginFactory<Void> {
  @Override
  public String name() {
    return "edge";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    return Optional.of((exchange, next) -> {
      if (exchange.request().headers().contains("X-Block")) {
        throw new GatewayException(GatewayResponseType.THROTTLED);
      }
      var response = next.handle(exchange);
      String previous = response.headers().first("X-Trace");
      response.headers().set("X-Trace", previous == null ? "edge" : previous + ",edge");
      response.headers().set("X-Integration", exchange.integrationLatencyNanos() < 0 ? "not called"
          : "status " + exchange.integrationStatus());
      return response;
    });
  }
}
