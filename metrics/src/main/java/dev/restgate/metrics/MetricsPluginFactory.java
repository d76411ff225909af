package dev.restgate.metrics;

import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import io.micrometer.core.instrument.Tags;
import java.util.Optional;

/**
 * Builds the metrics plugin of every method while the {@code metrics} section is configured. Its dimensions are
 * AWS's: {@code ApiName} and {@code Stage}, plus {@code Method} and {@code Resource} when the method's
 * {@code metricsEnabled} setting is on (AWS's detailed metrics).
 */
public final class MetricsPluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public Phase phase() {
    return Phase.EDGE;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    GatewayMeters meters = site.service(GatewayMeters.class).orElse(null);
    if (meters == null) {
      return Optional.empty();
    }
    String apiName = site.api().name() == null ? site.api().id() : site.api().name();
    Tags stageTags = Tags.of("ApiName", apiName, "Stage", site.stage().stageName());
    Tags tags = stageTags;
    // Requests no method serves count for the stage only.
    if (site.routed() && Boolean.TRUE.equals(site.methodSetting().metricsEnabled())) {
      tags = tags.and("Method", site.method().httpMethod(), "Resource", site.resource().path());
    }
    boolean cached = Boolean.TRUE.equals(site.stage().cacheClusterEnabled());
    return Optional.of(new MetricsPlugin(meters.method(tags, cached), meters, stageTags));
  }
}
