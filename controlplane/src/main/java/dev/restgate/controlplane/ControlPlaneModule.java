package dev.restgate.controlplane;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/** Serves the management API of each configuration, over that configuration's APIs. */
public final class ControlPlaneModule implements GatewayModule {

  @Override
  public String name() {
    return "controlplane";
  }

  @Override
  public void configure(ModuleContext context) {
    context.registerEndpoint(new ControlPlaneEndpoint(context.config()));
  }
}
