package dev.restgate.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.spi.DomainDirectory;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.ManagedConfiguration.Snapshot;

/**
 * The calls that create and change custom domain names at run time: {@code CreateDomainName},
 * {@code DeleteDomainName}, {@code CreateBasePathMapping}, {@code UpdateBasePathMapping} and
 * {@code DeleteBasePathMapping}. A domain made at run time is a {@code domainNames} entry of the objects created at
 * run time; its mappings live in it, so only such domains take mapping changes.
 */
final class DomainWrites {
  /** The {@code CreateDomainName} fields the gateway keeps; the others (certificate bodies, tags) do not apply. */
  private static final String[] DOMAIN_FIELDS = {"domainName", "certificateArn", "regionalCertificateArn",
      "endpointConfiguration", "securityPolicy", "routingMode"};
  private static final String NONE = "(none)";

  private final ManagedConfiguration managed;
  private final DomainDirectory directory;

  /** @param directory the domains served now, declared and made at run time; null when none are */
  DomainWrites(ManagedConfiguration managed, DomainDirectory directory) {
    this.managed = managed;
    this.directory = directory;
  }

  /** Whether the domain of this name was created at run time. */
  static boolean isManaged(ManagedConfiguration managed, String domainName) {
    return find(managed.read().document().withArray("domainNames"), domainName) != null;
  }

  /** {@code CreateDomainName}; the domain as AWS shows it. */
  ObjectNode create(JsonNode request) throws ApiError {
    String name = request.path("domainName").asText("");
    if (name.isEmpty()) {
      throw ApiError.badRequest("domainName is required");
    }
    if (directory != null && directory.domainNames().stream().anyMatch(d -> d.domainName().equalsIgnoreCase(name))) {
      throw ApiError.conflict("The domain name you provided already exists.");
    }
    Snapshot snapshot = managed.read();
    ObjectNode domain = snapshot.document().withArray("domainNames").addObject();
    for (String field : DOMAIN_FIELDS) {
      if (request.hasNonNull(field)) {
        domain.set(field, request.get(field).deepCopy());
      }
    }
    ManagedCalls.apply(managed, snapshot);
    return domain.deepCopy().put("domainNameStatus", "AVAILABLE");
  }

  /** {@code DeleteDomainName}, with its mappings. */
  void delete(String domainName) throws ApiError {
    Snapshot snapshot = managed.read();
    ArrayNode domains = snapshot.document().withArray("domainNames");
    for (int i = domains.size() - 1; i >= 0; i--) {
      if (domains.get(i).path("domainName").asText().equalsIgnoreCase(domainName)) {
        domains.remove(i);
      }
    }
    ManagedCalls.apply(managed, snapshot);
  }

  /**
   * {@code CreateBasePathMapping}: {@code basePath} (empty or absent is {@code (none)}), {@code restApiId},
   * {@code stage}.
   *
   * @return the mapping as AWS shows it
   */
  ObjectNode createMapping(String domainName, JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ArrayNode mappings = domain(snapshot, domainName).withArray("basePathMappings");
    String basePath = request.path("basePath").asText("");
    basePath = basePath.isEmpty() ? NONE : basePath;
    if (mapping(mappings, basePath) != null) {
      throw ApiError.conflict("Base path already exists for this domain name");
    }
    ObjectNode mapping = mappings.addObject().put("basePath", basePath);
    ManagedCalls.copyText(request, mapping, "restApiId");
    ManagedCalls.copyText(request, mapping, "stage");
    ManagedCalls.apply(managed, snapshot);
    return mapping.deepCopy();
  }

  /**
   * {@code UpdateBasePathMapping}: {@code replace} of {@code /basePath}, {@code /restapiId} or {@code /stage}.
   *
   * @return the mapping as AWS shows it after the change
   */
  ObjectNode updateMapping(String domainName, String basePath, JsonNode request) throws ApiError {
    Snapshot snapshot = managed.read();
    ObjectNode mapping = existing(domain(snapshot, domainName).withArray("basePathMappings"), basePath);
    for (JsonNode operation : request.path("patchOperations")) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      String value = operation.path("value").asText("");
      switch (op + " " + path) {
        case "replace /basePath" -> mapping.put("basePath", value.isEmpty() ? NONE : value);
        case "replace /restapiId" -> mapping.put("restApiId", value);
        case "replace /stage" -> mapping.put("stage", value);
        default -> throw ApiError.badRequest("Invalid patch path  '" + path + "' specified for op '" + op
            + "'. Must be one of: [/basePath, /restapiId, /stage]");
      }
    }
    ManagedCalls.apply(managed, snapshot);
    return mapping.deepCopy();
  }

  /** {@code DeleteBasePathMapping}. */
  void deleteMapping(String domainName, String basePath) throws ApiError {
    Snapshot snapshot = managed.read();
    ArrayNode mappings = domain(snapshot, domainName).withArray("basePathMappings");
    existing(mappings, basePath);
    for (int i = mappings.size() - 1; i >= 0; i--) {
      if (mappings.get(i).path("basePath").asText(NONE).equals(basePath)) {
        mappings.remove(i);
      }
    }
    ManagedCalls.apply(managed, snapshot);
  }

  private static ObjectNode domain(Snapshot snapshot, String domainName) throws ApiError {
    ObjectNode domain = find(snapshot.document().withArray("domainNames"), domainName);
    if (domain == null) {
      throw ApiError.notFound("Invalid domain name identifier specified");
    }
    return domain;
  }

  private static ObjectNode existing(ArrayNode mappings, String basePath) throws ApiError {
    ObjectNode mapping = mapping(mappings, basePath);
    if (mapping == null) {
      throw ApiError.notFound("Invalid base path mapping identifier specified");
    }
    return mapping;
  }

  private static ObjectNode mapping(ArrayNode mappings, String basePath) {
    for (JsonNode mapping : mappings) {
      if (mapping instanceof ObjectNode object && mapping.path("basePath").asText(NONE).equals(basePath)) {
        return object;
      }
    }
    return null;
  }

  private static ObjectNode find(ArrayNode domains, String domainName) {
    for (JsonNode domain : domains) {
      if (domain instanceof ObjectNode object && domain.path("domainName").asText().equalsIgnoreCase(domainName)) {
        return object;
      }
    }
    return null;
  }
}
