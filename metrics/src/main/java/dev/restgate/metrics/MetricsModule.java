package dev.restgate.metrics;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;
import dev.restgate.spi.OutboundHttpStats;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Metrics, while the configuration has a {@code metrics} section: the registry (created with the first such
 * configuration and kept for the gateway's life, so counts survive swaps; JVM memory, GC, thread, class loader,
 * CPU and uptime meters bound once, so are the outbound HTTP client's pool gauges) is handed to the plugins of each
 * configuration, and {@code /_metrics} served with that configuration's token. The registry also joins Micrometer's
 * global composite until the gateway closes, so that modules which may not depend on this one (local Lambda
 * functions) have their meters served too. Without the section there is no plugin, no endpoint and nothing in the
 * global registry.
 */
public final class MetricsModule implements GatewayModule {
  private PrometheusMeterRegistry registry;
  private JvmGcMetrics gc;

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public void configure(ModuleContext context) {
    MetricsConfig config = context.config().section(MetricsConfig.class).orElse(null);
    if (config == null) {
      return;
    }
    if (registry == null) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(registry);
      gc = new JvmGcMetrics();
      gc.bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      GatewayMeters meters = new GatewayMeters(registry);
      context.service(OutboundHttpStats.class).ifPresent(meters::bindHttpClient);
      Metrics.globalRegistry.add(registry);
    }
    context.registerService(GatewayMeters.class, new GatewayMeters(registry));
    context.registerEndpoint(new MetricsEndpoint(registry, config));
  }

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
    }
    if (registry != null) {
      Metrics.globalRegistry.remove(registry);
      registry.close();
    }
  }
}
