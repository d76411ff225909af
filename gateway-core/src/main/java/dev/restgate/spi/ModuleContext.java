package dev.restgate.spi;

import dev.restgate.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Clock;

/** What a {@link GatewayModule} sees when it starts, and where it registers what it provides. */
public interface ModuleContext {

  /** The gateway's configuration, APIs imported. */
  GatewayConfig config();

  /** The directory for state that must survive a restart; exists. */
  Path dataDirectory();

  Clock clock();

  void registerEndpoint(ServiceEndpoint endpoint);

  /** Makes {@code service} available to plugin factories through {@link MethodSite#service}. */
  <T> void registerService(Class<T> type, T service);
}
