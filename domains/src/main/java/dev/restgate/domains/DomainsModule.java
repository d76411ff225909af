package dev.restgate.domains;

import dev.restgate.model.DomainName;
import dev.restgate.spi.DomainDirectory;
import dev.restgate.spi.GatewayModule;
import dev.restgate.spi.ModuleContext;
import java.util.List;

/**
 * Custom domain names for the gateway, configured by {@code domainNames}: for each configuration with domains it
 * registers a {@link DomainRouter}, consulted before the invoke-URL forms, and lists its domains as the
 * configuration's {@link DomainDirectory}.
 */
public final class DomainsModule implements GatewayModule {

  @Override
  public String name() {
    return "domains";
  }

  @Override
  public void configure(ModuleContext context) {
    DomainNamesConfig domains = context.config().section(DomainNamesConfig.class).orElse(DomainNamesConfig.NONE);
    DomainRouter router = new DomainRouter(domains);
    if (!router.isEmpty()) {
      context.registerRouteResolver(router);
    }
    List<DomainName> names = domains.domainNames();
    context.registerService(DomainDirectory.class, () -> names);
  }
}
