package dev.restgate.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.model.BasePathMapping;
import dev.restgate.model.DomainName;
import dev.restgate.spi.DomainDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The read calls of custom domain names ({@code GetDomainNames}, {@code GetDomainName}) and their base path
 * mappings ({@code GetBasePathMappings}, {@code GetBasePathMapping}; {@code (none)} names the mapping without a
 * base path) over the configuration's {@link DomainDirectory}.
 */
final class DomainCalls {
  private final List<DomainName> domains;

  /** @param directory null when no module routes custom domains: there are none */
  DomainCalls(DomainDirectory directory) {
    this.domains = directory == null ? List.of() : directory.domainNames();
  }

  List<JsonNode> domainNames() {
    List<JsonNode> all = new ArrayList<>();
    domains.forEach(domain -> all.add(view(domain)));
    return all;
  }

  ObjectNode domainName(String name) throws ApiError {
    return view(domain(name));
  }

  List<JsonNode> basePathMappings(String name) throws ApiError {
    List<JsonNode> mappings = new ArrayList<>();
    for (BasePathMapping mapping : domain(name).basePathMappings()) {
      mappings.add(view(mapping));
    }
    return mappings;
  }

  ObjectNode basePathMapping(String name, String basePath) throws ApiError {
    return domain(name).basePathMappings().stream().filter(m -> m.basePath().equals(basePath)).findFirst()
        .map(DomainCalls::view)
        .orElseThrow(() -> ApiError.notFound("Invalid base path mapping identifier specified"));
  }

  private DomainName domain(String name) throws ApiError {
    return domains.stream().filter(d -> d.domainName().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Invalid domain name identifier specified"));
  }

  /** A domain as AWS shows it: available as soon as it is served, mappings under their own resource. */
  private static ObjectNode view(DomainName domain) {
    ObjectNode node = Views.JSON.valueToTree(domain);
    node.remove("basePathMappings");
    node.put("domainNameStatus", "AVAILABLE");
    return node;
  }

  private static ObjectNode view(BasePathMapping mapping) {
    ObjectNode node = Views.JSON.createObjectNode();
    node.put("basePath", mapping.basePath());
    node.put("restApiId", mapping.restApiId());
    if (mapping.stage() != null) {
      node.put("stage", mapping.stage());
    }
    return node;
  }
}
