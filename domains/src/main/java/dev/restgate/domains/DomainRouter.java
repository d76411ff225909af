package dev.restgate.domains;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import dev.restgate.model.BasePathMapping;
import dev.restgate.model.DomainName;
import dev.restgate.spi.InvokeTarget;
import dev.restgate.spi.RouteResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes requests whose {@code Host} is a custom domain name (port ignored, any case; exact names before wildcard
 * names, the longest wildcard first): its routing rules in priority order, then its base path mappings, longest base
 * path first, as its routing mode says. A request of a custom domain that neither routes gets 403 {@code Missing
 * Authentication Token}; any other host is left to the invoke-URL forms. Built once per configuration, read-only
 * afterwards, so thread-safe; per request it compares strings only.
 */
final class DomainRouter implements RouteResolver {
  private final Map<String, Domain> exact = new HashMap<>();
  /** By suffix ({@code .example.com}), longest first. */
  private final List<Map.Entry<String, Domain>> wildcards = new ArrayList<>();

  /** One domain, compiled: rules in priority order, mappings longest base path first. */
  private record Domain(List<Rule> rules, List<Mapping> mappings) {}

  private record Rule(List<Glob> headers, String basePath, String apiId, String stage, boolean strip) {}

  /** A header condition: a lower-case name and the value test of its glob. */
  private record Glob(String header, Kind kind, String text) {
    enum Kind { ANY, EQUALS, PREFIX, SUFFIX, CONTAINS }

    static Glob of(RoutingRule.HeaderCondition condition) {
      String glob = condition.valueGlob();
      String header = condition.header().toLowerCase(Locale.ROOT);
      boolean leading = glob.startsWith("*");
      boolean trailing = glob.length() > 1 && glob.endsWith("*");
      if (glob.equals("*")) {
        return new Glob(header, Kind.ANY, "");
      }
      String text = glob.substring(leading ? 1 : 0, glob.length() - (trailing ? 1 : 0));
      Kind kind = leading && trailing ? Kind.CONTAINS : leading ? Kind.SUFFIX : trailing ? Kind.PREFIX
          : Kind.EQUALS;
      return new Glob(header, kind, text);
    }

    boolean matches(String value) {
      return switch (kind) {
        case ANY -> true;
        case EQUALS -> value.equals(text);
        case PREFIX -> value.startsWith(text);
        case SUFFIX -> value.endsWith(text);
        case CONTAINS -> value.contains(text);
      };
    }
  }

  /** A base path mapping; {@code base} is {@code /path}, or empty for {@code (none)}; {@code stage} null for none. */
  private record Mapping(String base, String apiId, String stage) {}

  DomainRouter(DomainNamesConfig config) {
    for (DomainName domain : config.domainNames()) {
      DomainRouting routing = config.routing(domain);
      List<Rule> rules = new ArrayList<>();
      if (routing.mode().usesRules()) {
        for (RoutingRule rule : routing.rules()) {
          rules.add(new Rule(rule.headers().stream().map(Glob::of).toList(),
              rule.basePath() == null ? null : "/" + rule.basePath(), rule.restApiId(), rule.stage(),
              rule.stripBasePath()));
        }
      }
      List<Mapping> mappings = new ArrayList<>();
      if (routing.mode().usesMappings()) {
        for (BasePathMapping mapping : domain.basePathMappings()) {
          String base = DomainNamesSection.NONE.equals(mapping.basePath()) ? "" : "/" + mapping.basePath();
          mappings.add(new Mapping(base, mapping.restApiId(), mapping.stage()));
        }
        mappings.sort(Comparator.comparingInt((Mapping mapping) -> mapping.base().length()).reversed());
      }
      Domain compiled = new Domain(List.copyOf(rules), List.copyOf(mappings));
      String name = domain.domainName().toLowerCase(Locale.ROOT);
      if (name.startsWith("*.")) {
        wildcards.add(Map.entry(name.substring(1), compiled));
      } else {
        exact.put(name, compiled);
      }
    }
    wildcards.sort(Comparator.comparingInt((Map.Entry<String, Domain> entry) -> entry.getKey().length())
        .reversed());
  }

  /** Whether any domain is configured. */
  boolean isEmpty() {
    return exact.isEmpty() && wildcards.isEmpty();
  }

  @Override
  public InvokeTarget resolve(GatewayRequest request) {
    String host = request.hostName() == null ? null : request.hostName().toLowerCase(Locale.ROOT);
    if (host == null) {
      return null;
    }
    Domain domain = exact.get(host);
    for (int i = 0; domain == null && i < wildcards.size(); i++) {
      if (host.endsWith(wildcards.get(i).getKey())) {
        domain = wildcards.get(i).getValue();
      }
    }
    if (domain == null) {
      return null;
    }
    String path = request.rawPath();
    for (Rule rule : domain.rules()) {
      if (holds(rule, request.headers(), path)) {
        String below = rule.basePath() != null && rule.strip() ? below(path, rule.basePath()) : path;
        return InvokeTarget.onDomain(rule.apiId(), rule.stage(), below, path, host);
      }
    }
    for (Mapping mapping : domain.mappings()) {
      if (!isUnder(path, mapping.base())) {
        continue;
      }
      String below = below(path, mapping.base());
      if (mapping.stage() != null) {
        return InvokeTarget.onDomain(mapping.apiId(), mapping.stage(), below, path, host);
      }
      int slash = below.indexOf('/', 1);
      String stage = slash < 0 ? below.substring(1) : below.substring(1, slash);
      if (stage.isEmpty()) {
        return UNMAPPED;
      }
      String resource = slash < 0 ? "/" : below.substring(slash);
      return InvokeTarget.onDomain(mapping.apiId(), stage, resource, path, host);
    }
    return UNMAPPED;
  }

  private static boolean holds(Rule rule, Headers headers, String path) {
    if (rule.basePath() != null && !isUnder(path, rule.basePath())) {
      return false;
    }
    for (Glob glob : rule.headers()) {
      boolean found = false;
      for (int i = 0; i < headers.size() && !found; i++) {
        found = headers.name(i).equalsIgnoreCase(glob.header()) && glob.matches(headers.value(i));
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code path} is {@code base} or below it, segment-wise; everything is below the empty base. */
  private static boolean isUnder(String path, String base) {
    return base.isEmpty() || path.equals(base) || path.startsWith(base) && path.charAt(base.length()) == '/';
  }

  private static String below(String path, String base) {
    return path.length() == base.length() ? "/" : path.substring(base.length());
  }
}
