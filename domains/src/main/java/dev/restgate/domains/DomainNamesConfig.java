package dev.restgate.domains;

import dev.restgate.model.DomainName;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code domainNames} of {@code gateway.yaml}: custom domain names, their base path mappings, and their routing
 * mode and rules.
 *
 * @param routing by lower-case domain name; a domain without an entry uses base path mappings only
 */
public record DomainNamesConfig(List<DomainName> domainNames, Map<String, DomainRouting> routing) {
  /** No custom domains. */
  public static final DomainNamesConfig NONE = new DomainNamesConfig(List.of(), Map.of());

  public DomainNamesConfig {
    domainNames = List.copyOf(domainNames);
    routing = Map.copyOf(routing);
  }

  /** How {@code domain} routes. */
  public DomainRouting routing(DomainName domain) {
    return routing.getOrDefault(domain.domainName().toLowerCase(Locale.ROOT), DomainRouting.MAPPINGS_ONLY);
  }
}
