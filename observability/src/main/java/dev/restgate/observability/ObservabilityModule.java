package dev.restgate.observability;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/**
 * Access logs. The first configuration starts the writer thread, which lives as long as the gateway (lines of a
 * request served by a configuration being swapped out still reach their file); every configuration hands it to its
 * plugins with the log folder of the data directory.
 */
public final class ObservabilityModule implements GatewayModule {
  private AccessLogWriter writer;

  @Override
  public String name() {
    return "observability";
  }

  @Override
  public void configure(ModuleContext context) {
    if (writer == null) {
      writer = new AccessLogWriter();
    }
    context.registerService(AccessLogs.class, new AccessLogs(context.dataDirectory().resolve("logs"), writer));
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
