package dev.restgate.domains;

import java.util.List;

/**
 * How a custom domain name routes: its {@code routingMode} and {@code routingRules}.
 *
 * @param mode which of rules and base path mappings are used, and in which order
 * @param rules in ascending priority
 */
public record DomainRouting(Mode mode, List<RoutingRule> rules) {
  /** Base path mappings only, the default. */
  public static final DomainRouting MAPPINGS_ONLY = new DomainRouting(Mode.API_MAPPING_ONLY, List.of());

  public DomainRouting {
    rules = List.copyOf(rules);
  }

  /** AWS's routing modes (the API Gateway v1 names {@code BASE_PATH_MAPPING_ONLY}, ... are accepted too). */
  public enum Mode {
    API_MAPPING_ONLY,
    ROUTING_RULE_ONLY,
    ROUTING_RULE_THEN_API_MAPPING;

    boolean usesRules() {
      return this != API_MAPPING_ONLY;
    }

    boolean usesMappings() {
      return this != ROUTING_RULE_ONLY;
    }
  }
}
