package dev.restgate.domains;

import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;

/**
 * Custom domain names for the gateway, configured by {@code domainNames}: for each configuration with domains it
 * registers a {@link DomainRouter}, consulted before the invoke-URL forms.
 */
public final class DomainsModule implements GatewayModule {

  @Override
  public String name() {
    return "domains";
  }

  @Override
  public void configure(ModuleContext context) {
    DomainRouter router = new DomainRouter(
        context.config().section(DomainNamesConfig.class).orElse(DomainNamesConfig.NONE));
    if (!router.isEmpty()) {
      context.registerRouteResolver(router);
    }
  }
}
