package dev.restgate.domains;

import java.util.List;

/**
 * A routing rule of a custom domain name (AWS, 2025): when every condition holds, the request goes to the rule's API
 * stage. Rules are tried in ascending priority; a rule without conditions catches every request.
 *
 * @param priority 1 to 1,000,000, unique per domain name
 * @param headers up to two header conditions
 * @param basePath the base path condition, without leading or trailing {@code /}; null for none
 * @param restApiId the API the rule invokes
 * @param stage the stage the rule invokes
 * @param stripBasePath whether the matched base path is taken off the path the API's resources are matched against
 */
public record RoutingRule(int priority, List<HeaderCondition> headers, String basePath, String restApiId,
    String stage, boolean stripBasePath) {

  public RoutingRule {
    headers = List.copyOf(headers);
  }

  /**
   * A header condition: some line of header {@code header} (any case) has a value matching {@code valueGlob}, which
   * is literal except for a {@code *} at its start, its end, both, or alone.
   */
  public record HeaderCondition(String header, String valueGlob) {}
}
