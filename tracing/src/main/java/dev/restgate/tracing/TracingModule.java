package dev.restgate.tracing;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/**
 * Tracing, while the configuration has a {@code tracing} section: the OpenTelemetry SDK (built with the first such
 * configuration and kept across reloads while the section stays the same) is handed to the plugins of each
 * configuration as a {@link GatewayTracer}. Without the section there is no SDK, no service and so no plugin.
 *
 * <p>{@code configure} calls are serialised by the gateway; {@code close} comes after the last of them.
 */
public final class TracingModule implements GatewayModule {
  private SpanExport current;

  @Override
  public String name() {
    return "tracing";
  }

  @Override
  public void configure(ModuleContext context) {
    TracingConfig config = context.config().section(TracingConfig.class).orElse(null);
    if (current != null && !current.config().equals(config)) {
      current.release();
      current = null;
    }
    if (config == null) {
      return;
    }
    if (current == null) {
      current = SpanExport.start(config);
    }
    SpanExport export = current.hold();
    context.closeWithConfiguration(export::release);
    context.registerService(GatewayTracer.class, export.tracer());
  }

  @Override
  public void close() {
    if (current != null) {
      current.release();
      current = null;
    }
  }
}
