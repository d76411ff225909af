package dev.restgate.controlplane;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/**
 * Serves the management API of each configuration, over that configuration's APIs, where its {@code controlPlane}
 * section says (at the root by default; below a path prefix; or not at all).
 */
public final class ControlPlaneModule implements GatewayModule {

  @Override
  public String name() {
    return "controlplane";
  }

  @Override
  public void configure(ModuleContext context) {
    ControlPlaneConfig settings =
        context.config().section(ControlPlaneConfig.class).orElse(ControlPlaneConfig.DEFAULT);
    if (settings.enabled()) {
      context.registerEndpoint(new ControlPlaneEndpoint(context.config(), settings.pathPrefix(), settings.port()));
    }
  }
}
