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
      "endpointConfiguration", "securityPolicy", "basePathMappings");
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
      domains.add(new DomainName(name,
          domain.field("certificateArn").string(ConfigRules.ARN, ConfigRules.ARN_RULE),
          domain.field("regionalCertificateArn").string(ConfigRules.ARN, ConfigRules.ARN_RULE),
          endpointConfiguration(domain.field("endpointConfiguration")),
          domain.field("securityPolicy").oneOf(SECURITY_POLICIES),
          mappings(domain.field("basePathMappings"), context)));
    }
    return new DomainNamesConfig(domains);
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
