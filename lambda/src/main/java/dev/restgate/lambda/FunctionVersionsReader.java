package dev.restgate.lambda;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.internal.local.LocalFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a local function's {@code versions} and {@code aliases} with the rules Lambda applies when versions are
 * published and aliases created, so that a qualifier that cannot work is found at load time.
 */
final class FunctionVersionsReader {
  private static final List<String> VERSION_KEYS =
      List.of("version", "codeUri", "handler", "environment", "timeout", "memorySize", "runtime");
  private static final List<String> ALIAS_KEYS = List.of("name", "functionVersion", "routingConfig");
  /** Lambda numbers versions 1, 2, ...; ten digits are far more than any function publishes. */
  private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,9}");
  private static final String VERSION_RULE = "use a positive whole number in quotes, such as \"1\"";
  /** CreateAlias's {@code Name}: letters, digits, '-' and '_', and not all digits (that would read as a version). */
  private static final Pattern ALIAS = Pattern.compile("(?!\\d+$)[a-zA-Z0-9_-]{1,128}");
  private static final String ALIAS_RULE =
      "use 1 to 128 letters, digits, '-' or '_', not digits only (that would name a version)";

  private FunctionVersionsReader() {}

  /**
   * @param runtime the function's runtime, which versions without one of their own keep
   * @param isolation the function's isolation, which every version has
   */
  static List<FunctionVersionConfig> versions(ConfigNode node, String runtime, Isolation isolation,
      ConfigContext context) {
    List<FunctionVersionConfig> versions = new ArrayList<>();
    Map<String, String> pointers = new HashMap<>();
    for (ConfigNode entry : node.list()) {
      if (!entry.isObjectWith(VERSION_KEYS)) {
        continue;
      }
      ConfigNode versionNode = entry.field("version");
      String version = versionNode.required().string(VERSION, VERSION_RULE);
      if (version != null) {
        String first = pointers.putIfAbsent(version, entry.pointer());
        if (first != null) {
          versionNode.problem("is also the version of " + first + "; version numbers are unique");
        }
      }
      String ownRuntime = entry.field("runtime").isPresent() ? LambdaSection.runtime(entry.field("runtime")) : null;
      String effectiveRuntime = ownRuntime == null ? runtime : ownRuntime;
      if (isolation == Isolation.IN_PROCESS && !effectiveRuntime.startsWith("java")) {
        entry.field("runtime").problem("the function runs in-process, which runs Java only; runtime "
            + effectiveRuntime + " needs isolation: process");
      }
      ConfigNode handlerNode = entry.field("handler");
      if (ownRuntime != null && !ownRuntime.equals(runtime)) {
        handlerNode.required();
      }
      Map<String, String> environment = entry.field("environment").isPresent()
          ? LambdaSection.environment(entry.field("environment")) : null;
      versions.add(new FunctionVersionConfig(version, LambdaSection.handler(handlerNode, effectiveRuntime),
          LambdaSection.codeUri(entry.field("codeUri"), context), entry.field("timeout").integer(1, 900),
          entry.field("memorySize").integer(128, 10240), environment, ownRuntime));
    }
    return versions;
  }

  /** The aliases, each naming {@code $LATEST} or one of {@code versions}. */
  static List<AliasConfig> aliases(ConfigNode node, List<FunctionVersionConfig> versions) {
    Set<String> known = new HashSet<>();
    versions.stream().map(FunctionVersionConfig::version).filter(v -> v != null).forEach(known::add);
    List<AliasConfig> aliases = new ArrayList<>();
    Map<String, String> pointers = new HashMap<>();
    for (ConfigNode entry : node.list()) {
      if (!entry.isObjectWith(ALIAS_KEYS)) {
        continue;
      }
      String name = entry.field("name").required().string(ALIAS, ALIAS_RULE);
      if (name != null) {
        String first = pointers.putIfAbsent(name, entry.pointer());
        if (first != null) {
          entry.field("name").problem("is also the name of " + first + "; alias names are unique");
        }
      }
      ConfigNode versionNode = entry.field("functionVersion");
      String version = versionNode.required().string();
      if (version != null && !version.equals(LocalFunction.LATEST) && !known.contains(version)) {
        versionNode.problem(unknownVersion(version, known, "use $LATEST or "));
      }
      Map<String, Double> weights = weights(entry.field("routingConfig"), version, known);
      if (!weights.isEmpty() && LocalFunction.LATEST.equals(version)) {
        versionNode.problem("an alias with a routingConfig points to published versions only, as on AWS; "
            + "name a version number instead of $LATEST");
      }
      aliases.add(new AliasConfig(name, version, weights));
    }
    return aliases;
  }

  /** {@code routingConfig: {additionalVersionWeights: {"2": 0.1}}}: one other numbered version, a weight 0 to 1. */
  private static Map<String, Double> weights(ConfigNode node, String aliasVersion, Set<String> known) {
    if (!node.isObjectWith(List.of("additionalVersionWeights"))) {
      return Map.of();
    }
    ConfigNode weightsNode = node.field("additionalVersionWeights");
    Map<String, ConfigNode> entries = weightsNode.entries();
    if (entries.size() > 1) {
      weightsNode.problem("names " + entries.size() + " versions; an alias sends invocations to at most one "
          + "additional version");
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
      String version = entry.getKey();
      Double weight = entry.getValue().number(0, 1);
      if (!known.contains(version)) {
        entry.getValue().problem(unknownVersion(version, known, "use "));
      } else if (version.equals(aliasVersion)) {
        entry.getValue().problem("is the alias's own functionVersion; name another version");
      } else if (weight != null) {
        weights.put(version, weight);
      }
    }
    return weights;
  }

  private static String unknownVersion(String version, Set<String> known, String use) {
    return "\"" + version + "\" is not a version of this function: " + use
        + (known.isEmpty() ? "a version added under versions" : "one of " + String.join(", ", known.stream()
            .sorted().toList()));
  }
}
