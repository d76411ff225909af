package dev.restgate.domains;

import dev.restgate.model.DomainName;
import java.util.List;

/** The {@code domainNames} of {@code gateway.yaml}: custom domain names and their base path mappings. */
public record DomainNamesConfig(List<DomainName> domainNames) {
  /** No custom domains. */
  public static final DomainNamesConfig NONE = new DomainNamesConfig(List.of());

  public DomainNamesConfig {
    domainNames = List.copyOf(domainNames);
  }
}
