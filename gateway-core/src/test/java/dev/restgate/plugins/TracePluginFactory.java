package dev.restgate.plugins;

import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Optional;

/**
 * A test plugin configured by {@code x-test-trace}: appends its label to the {@code X-Trace} response header, so tests
 * can see which plugins ran and in which order; with {@code twice: true} it calls {@code next} twice, with
 * {@code failAfterNext: true} it throws once {@code next} returned.
 */
public final class TracePluginFactory implements PluginFactory<TracePluginFactory.Config> {

  /** The extension's value. */
  public record Config(String label, boolean twice, boolean failAfterNext) {}

  @Override
  public String name() {
    return "trace";
  }

  @Override
  public Phase phase() {
    return Phase.THROTTLE;
  }

  @Override
  public String extension() {
    return "x-test-trace";
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
    if (config.label() == null || config.label().isBlank()) {
      throw new IllegalArgumentException("label must not be empty");
    }
    return Optional.of((exchange, next) -> {
      var response = next.handle(exchange);
      if (config.twice()) {
        response = next.handle(exchange);
      }
      if (config.failAfterNext()) {
        throw new IllegalStateException("the trace plugin fails as configured");
      }
      String previous = response.headers().first("X-Trace");
      response.headers().set("X-Trace", previous == null ? config.label() : previous + "," + config.label());
      return response;
    });
  }
}
