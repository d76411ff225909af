package dev.restgate.domains;

import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigRules;
import dev.restgate.config.ConfigSection;
import dev.restgate.model.BasePathMapping;
import dev.restgate.model.DomainName;
import dev.restgate.model.EndpointConfiguration;
import dev.restgate.spi.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code domainNames}. Base paths are normalised to AWS's form: an absent or empty base path is
 * {@code (none)}, and a stage of {@code (none)} is null (the client then puts the stage after the base path).
 */
public final class DomainNamesSection implements ConfigSection<DomainNamesConfig> {
  static final List<String> KEYS = List.of("domainName", "certificateArn", "regionalCertificateArn",
      "endpointConfiguration", "securityPolicy", "basePathMappings", "routingMode", "routingRules");
  private static final List<String> RULE_KEYS = List.of("priority", "conditions", "actions");
  private static final List<String> CONDITION_KEYS = List.of("matchHeaders", "matchBasePaths");
  private static final List<String> HEADER_KEYS = List.of("header", "valueGlob");
  private static final List<String> ACTION_KEYS = List.of("invokeApi");
  private static final List<String> INVOKE_KEYS = List.of("apiId", "stage", "stripBasePath");
  private static final Map<String, DomainRouting.Mode> MODES = Map.of(
      "API_MAPPING_ONLY", DomainRouting.Mode.API_MAPPING_ONLY,
      "BASE_PATH_MAPPING_ONLY", DomainRouting.Mode.API_MAPPING_ONLY,
      "ROUTING_RULE_ONLY", DomainRouting.Mode.ROUTING_RULE_ONLY,
      "ROUTING_RULE_THEN_API_MAPPING", DomainRouting.Mode.ROUTING_RULE_THEN_API_MAPPING,
      "ROUTING_RULE_THEN_BASE_PATH_MAPPING", DomainRouting.Mode.ROUTING_RULE_THEN_API_MAPPING);
  private static final int MAX_RULES = 50;
  /** RFC 7230 token characters, fewer than 40. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,39}");
  /** Literal, or with {@code *} at the start, the end, both, or alone; fewer than 128 characters. */
  private static final Pattern GLOB = Pattern.compile("\\*|\\*?[^*]{1,125}\\*?");
  private static final Pattern BANNED_HEADER = Pattern.compile("(?i)access-control-.*|apigw-.*|authorization|"
      + "connection|content-encoding|content-length|content-location|forwarded|keep-alive|origin|"
      + "proxy-authenticate|proxy-authorization|te|trailers|transfer-encoding|upgrade|x-amz-.*|x-amzn-.*|"
      + "x-apigw-api-id|x-forwarded-for|x-forwarded-host|x-forwarded-proto|x-restapi|via");
  private static final List<String> ENDPOINT_KEYS = List.of("types", "ipAddressType", "vpcEndpointIds");
  private static final List<String> MAPPING_KEYS = List.of("basePath", "restApiId", "stage");
  private static final List<String> ENDPOINT_TYPES = List.of("EDGE", "REGIONAL", "PRIVATE");
  private static final List<String> SECURITY_POLICIES = List.of("TLS_1_0", "TLS_1_2");
  private static final List<String> IP_ADDRESS_TYPES = List.of("ipv4", "dualstack");
  private static final Pattern DOMAIN = Pattern.compile(
      "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern BASE_PATH = Pattern.compile("[a-zA-Z0-9$\\-_.+!*'()]+(/[a-zA-Z0-9$\\-_.+!*'()]+)*");
  static final String NONE = "(none)";

  @Override
  public List<String> keys() {
    return List.of("domainNames");
  }

  @Override
  public Class<DomainNamesConfig> type() {
    return DomainNamesConfig.class;
  }

  @Override
  public DomainNamesConfig read(ConfigNode root, ConfigContext context) {
    ConfigNode node = root.field("domainNames");
    List<DomainName> domains = new ArrayList<>();
    Map<String, DomainRouting> routing = new HashMap<>();
    Map<String, String> namePointers = new HashMap<>();
    for (ConfigNode domain : node.list()) {
      if (!domain.isObjectWith(KEYS)) {
        continue;
      }
      String name = domain.field("domainName").required().string(DOMAIN,
          "use a host name such as api.example.com (a leading *. for a wildcard domain)");
      if (name != null) {
        String first = namePointers.putIfAbsent(name.toLowerCase(Locale.ROOT), domain.pointer());
        if (first != null) {
          domain.field("domainName").problem("is also the domain name of " + first + "; merge their mappings");
        }
      }
      DomainName read = new DomainName(name,
          domain.field("certificateArn").string(ConfigRules.ARN, ConfigRules.ARN_RULE),
          domain.field("regionalCertificateArn").string(ConfigRules.ARN, ConfigRules.ARN_RULE),
          endpointConfiguration(domain.field("endpointConfiguration")),
          domain.field("securityPolicy").oneOf(SECURITY_POLICIES),
          mappings(domain.field("basePathMappings"), context));
      domains.add(read);
      DomainRouting domainRouting = routing(domain, read, context);
      if (name != null) {
        routing.put(name.toLowerCase(Locale.ROOT), domainRouting);
      }
    }
    return new DomainNamesConfig(domains, routing);
  }

  /** The routing mode and rules; rules need a mode that uses them, and mappings one that uses mappings. */
  private static DomainRouting routing(ConfigNode domain, DomainName read, ConfigContext context) {
    ConfigNode modeNode = domain.field("routingMode");
    String modeName = modeNode.oneOf(MODES.keySet().stream().sorted().toList());
    DomainRouting.Mode mode = modeName == null ? DomainRouting.Mode.API_MAPPING_ONLY : MODES.get(modeName);
    ConfigNode rulesNode = domain.field("routingRules");
    List<RoutingRule> rules = new ArrayList<>();
    Map<Integer, String> priorities = new HashMap<>();
    for (ConfigNode rule : rulesNode.list()) {
      RoutingRule compiled = rule(rule, context);
      if (compiled != null) {
        String first = priorities.putIfAbsent(compiled.priority(), rule.pointer());
        if (first != null) {
          rule.field("priority").problem("priority " + compiled.priority() + " is also the priority of " + first
              + "; priorities are unique per domain name");
        }
        rules.add(compiled);
      }
    }
    if (rules.size() > MAX_RULES) {
      rulesNode.problem("has " + rules.size() + " rules; a domain name has at most " + MAX_RULES);
    }
    if (!rules.isEmpty() && !mode.usesRules()) {
      rulesNode.problem("needs routingMode ROUTING_RULE_ONLY or ROUTING_RULE_THEN_API_MAPPING: with "
          + mode + " the rules would never be used");
    }
    if (!read.basePathMappings().isEmpty() && !mode.usesMappings()) {
      domain.field("basePathMappings").problem("are not used with routingMode ROUTING_RULE_ONLY; remove them or "
          + "use ROUTING_RULE_THEN_API_MAPPING");
    }
    rules.sort(Comparator.comparingInt(RoutingRule::priority));
    return new DomainRouting(mode, rules);
  }

  private static RoutingRule rule(ConfigNode rule, ConfigContext context) {
    if (!rule.isObjectWith(RULE_KEYS)) {
      return null;
    }
    Integer priority = rule.field("priority").required().integer(1, 1_000_000);
    List<RoutingRule.HeaderCondition> headers = new ArrayList<>();
    String basePath = null;
    int basePaths = 0;
    for (ConfigNode condition : rule.field("conditions").list()) {
      if (!condition.isObjectWith(CONDITION_KEYS)) {
        continue;
      }
      if (condition.field("matchHeaders").isPresent() && condition.field("matchBasePaths").isPresent()) {
        condition.problem("has both matchHeaders and matchBasePaths; give each condition its own entry");
      }
      ConfigNode header = single(condition.field("matchHeaders"));
      if (header != null && header.isObjectWith(HEADER_KEYS)) {
        String name = header.field("header").required().string(HEADER_NAME,
            "use a header name of fewer than 40 token characters");
        if (name != null && BANNED_HEADER.matcher(name).matches()) {
          header.field("header").problem(Json.quote(name) + " cannot be a routing condition (AWS reserves it)");
        }
        String glob = header.field("valueGlob").required().string(GLOB, "use a literal value of fewer than 128 "
            + "characters, with * only at its start, its end, both, or alone");
        headers.add(new RoutingRule.HeaderCondition(name, glob));
      }
      ConfigNode path = single(condition.field("matchBasePaths"));
      if (path != null) {
        basePaths++;
        basePath = basePath(path);
      }
    }
    if (headers.size() > 2) {
      rule.field("conditions").problem("has " + headers.size() + " header conditions; a rule has at most 2");
    }
    if (basePaths > 1) {
      rule.field("conditions").problem("has " + basePaths + " base path conditions; a rule has at most 1");
    }
    List<ConfigNode> actions = rule.field("actions").required().list();
    if (actions.size() != 1) {
      rule.field("actions").problem("must hold exactly one action, {invokeApi: {apiId, stage}}");
      return null;
    }
    ConfigNode invoke = actions.get(0).isObjectWith(ACTION_KEYS) ? actions.get(0).field("invokeApi").required()
        : null;
    if (invoke == null || !invoke.isObjectWith(INVOKE_KEYS)) {
      return null;
    }
    String apiId = invoke.field("apiId").required().string();
    String stage = invoke.field("stage").required().string();
    if (apiId != null && stage != null) {
      context.checkStage(apiId, invoke.field("apiId"), stage, invoke.field("stage"));
    }
    boolean strip = Boolean.TRUE.equals(invoke.field("stripBasePath").bool());
    if (priority == null || apiId == null || stage == null) {
      return null;
    }
    return new RoutingRule(priority, headers, NONE.equals(basePath) ? null : basePath, apiId, stage, strip);
  }

  /** The one entry of an {@code anyOf} list (AWS allows exactly one), or null when the condition is absent. */
  private static ConfigNode single(ConfigNode condition) {
    if (!condition.isPresent() || !condition.isObjectWith(List.of("anyOf"))) {
      return null;
    }
    List<ConfigNode> anyOf = condition.field("anyOf").required().list();
    if (anyOf.size() != 1) {
      condition.field("anyOf").problem("must hold exactly one entry");
      return null;
    }
    return anyOf.get(0);
  }

  private static EndpointConfiguration endpointConfiguration(ConfigNode node) {
    if (!node.isObjectWith(ENDPOINT_KEYS)) {
      return null;
    }
    List<String> types = new ArrayList<>();
    node.field("types").list().forEach(type -> {
      String value = type.oneOf(ENDPOINT_TYPES);
      if (value != null) {
        types.add(value);
      }
    });
    if (types.size() > 1) {
      node.field("types").problem("lists " + types.size() + " types; a domain name has exactly one");
    }
    List<String> vpcEndpointIds = new ArrayList<>();
    node.field("vpcEndpointIds").list().forEach(id -> {
      String value = id.string();
      if (value != null) {
        vpcEndpointIds.add(value);
      }
    });
    return new EndpointConfiguration(types, node.field("ipAddressType").oneOf(IP_ADDRESS_TYPES), vpcEndpointIds);
  }

  private static List<BasePathMapping> mappings(ConfigNode node, ConfigContext context) {
    List<BasePathMapping> mappings = new ArrayList<>();
    Map<String, String> pathPointers = new HashMap<>();
    for (ConfigNode mapping : node.list()) {
      if (!mapping.isObjectWith(MAPPING_KEYS)) {
        continue;
      }
      String basePath = basePath(mapping.field("basePath"));
      String restApiId = mapping.field("restApiId").required().string();
      String stage = mapping.field("stage").string();
      if (NONE.equals(stage)) {
        stage = null;
      }
      if (restApiId != null && stage != null) {
        context.checkStage(restApiId, mapping.field("restApiId"), stage, mapping.field("stage"));
      } else if (restApiId != null) {
        context.checkApi(restApiId, mapping.field("restApiId"));
      }
      if (basePath != null) {
        String first = pathPointers.putIfAbsent(basePath, mapping.pointer());
        if (first != null) {
          mapping.field("basePath").problem("the base path " + basePath + " is already mapped by " + first
              + "; base paths are unique per domain name");
        }
      }
      mappings.add(new BasePathMapping(basePath, restApiId, stage));
    }
    return mappings;
  }

  private static String basePath(ConfigNode node) {
    if (!node.isPresent()) {
      return NONE;
    }
    String basePath = node.string();
    if (basePath == null || basePath.isEmpty() || basePath.equals(NONE)) {
      return basePath == null ? null : NONE;
    }
    if (basePath.length() > 300 || !BASE_PATH.matcher(basePath).matches()) {
      node.problem(Json.quote(basePath) + " is not a valid base path: use up to 300 characters of "
          + "a-z A-Z 0-9 $ - _ . + ! * ' ( ) in segments separated by /, without a leading or trailing /, or "
          + "(none) for the empty base path");
      return null;
    }
    return basePath;
  }
}
