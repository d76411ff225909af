package dev.restgate.tracing;

import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Optional;

/**
 * Builds the tracing plugin of every method of a stage whose {@code tracingEnabled} is true, while the
 * {@code tracing} section is configured. Other methods get no plugin, so their requests do no tracing work at all.
 */
public final class TracingPluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "tracing";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    if (!Boolean.TRUE.equals(site.stage().tracingEnabled())) {
      return Optional.empty();
    }
    return site.service(GatewayTracer.class).map(tracer -> new TracingPlugin(tracer, MethodSpans.of(site)));
  }
}
