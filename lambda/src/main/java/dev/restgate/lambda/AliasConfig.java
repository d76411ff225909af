package dev.restgate.lambda;

import java.util.Map;

/**
 * An alias of a local function ({@code lambda.functions[].aliases}): a name for one of its versions, optionally
 * sending a share of the invocations to a second version, as Lambda's {@code RoutingConfig} does.
 *
 * @param name the alias, as qualifiers name it ({@code live}); not all digits, so it never reads as a version
 * @param functionVersion the version the alias points to: a version number or {@code $LATEST}
 * @param additionalVersionWeights at most one numbered version with the share (0 to 1) of invocations it gets;
 *     empty when the alias always runs {@code functionVersion}
 */
public record AliasConfig(String name, String functionVersion, Map<String, Double> additionalVersionWeights) {
  public AliasConfig {
    additionalVersionWeights = additionalVersionWeights == null ? Map.of() : Map.copyOf(additionalVersionWeights);
  }
}
