package dev.restgate.sdkgen;

import dev.restgate.spi.ClientSdks;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/**
 * Client SDK generation ({@code GetSdk}, {@code GetSdkTypes}) as a {@link ClientSdks} service for the control
 * plane. One generator, pool and cache serve the gateway's whole life: every configuration gets the same service,
 * so a reload neither drops cached SDKs nor stops generations under way. Generated SDKs are keyed by their
 * definition, so a redeployed stage gets new ones.
 */
public final class SdkModule implements GatewayModule {
  private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  private final GeneratedSdks sdks;

  public SdkModule() {
    sdks = new GeneratedSdks(new OpenApiGenerator(), GeneratedSdks.DEFAULT_TIMEOUT, THREADS);
  }

  @Override
  public String name() {
    return "sdkgen";
  }

  @Override
  public void configure(ModuleContext context) {
    context.registerService(ClientSdks.class, sdks);
  }

  @Override
  public void close() {
    sdks.close();
  }
}
