package dev.restgate.examples.hostrouting;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/** Registers, for each configuration, a {@link HostRouter} built from its {@code hostRoutes}. */
public final class HostRoutingModule implements GatewayModule {
  @Override
  public String name() {
    return "host-routing";
  }

  @Override
  public void configure(ModuleContext context) {
    context.config().section(HostRoutes.class)
        .filter(routes -> !routes.routes().isEmpty())
        .ifPresent(routes -> context.registerRouteResolver(new HostRouter(routes)));
  }
}
