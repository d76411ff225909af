package dev.restgate.spi;

import dev.restgate.model.DomainName;
import java.util.List;

/**
 * The custom domain names of a configuration, with their base path mappings, as the module routing them knows
 * them. A module registers one for each configuration ({@link ModuleContext#registerService}); the control plane
 * reads it.
 */
@FunctionalInterface
public interface DomainDirectory {
  List<DomainName> domainNames();
}
