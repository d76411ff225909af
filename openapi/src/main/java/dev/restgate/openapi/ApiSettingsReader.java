package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.model.DocumentationSet;
import dev.restgate.model.EndpointConfiguration;
import dev.restgate.spi.ApiImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the API-wide {@code x-amazon-apigateway-*} settings (validators and security excepted). */
final class ApiSettingsReader {
  /** The API-wide settings of a document. */
  record ApiSettings(List<String> binaryMediaTypes, Integer minimumCompressionSize, String apiKeySource,
      EndpointConfiguration endpointConfiguration, Boolean disableExecuteApiEndpoint, String policy,
      Map<String, CustomGatewayResponse> gatewayResponses, DocumentationSet documentation) {}

  private static final Set<String> DOCUMENTATION_LOCATIONS = Set.of("API", "AUTHORIZER", "MODEL", "RESOURCE",
      "METHOD", "PATH_PARAMETER", "QUERY_PARAMETER", "REQUEST_HEADER", "REQUEST_BODY", "RESPONSE",
      "RESPONSE_HEADER", "RESPONSE_BODY");
  private static final Set<String> ENDPOINT_FIELDS = Set.of("vpcEndpointIds", "disableExecuteApiEndpoint");

  private final FieldReader reader;
  private final Problems problems;

  ApiSettingsReader(FieldReader reader) {
    this.reader = reader;
    this.problems = reader.problems();
  }

  ApiSettings read(Located root, SpecVersion version, ApiImporter.Options options) {
    Located endpoint = endpointConfiguration(root, version);
    EndpointConfiguration endpointConfiguration = null;
    Boolean disableExecuteApiEndpoint = null;
    if (endpoint != null && reader.object(endpoint)) {
      endpoint.fields().stream().filter(f -> !ENDPOINT_FIELDS.contains(f.getKey())).forEach(f -> problems.warning(
          f.getValue(), "Unknown endpoint configuration property " + f.getKey() + "; ignored"));
      List<String> vpcEndpointIds = reader.stringList(endpoint.get("vpcEndpointIds"));
      if (!vpcEndpointIds.isEmpty()) {
        endpointConfiguration = new EndpointConfiguration(List.of(), null, vpcEndpointIds);
      }
      disableExecuteApiEndpoint = reader.bool(endpoint.get("disableExecuteApiEndpoint"));
    }
    return new ApiSettings(binaryMediaTypes(root.get(Extensions.BINARY_MEDIA_TYPES)),
        reader.integer(root.get(Extensions.MINIMUM_COMPRESSION_SIZE), 0, 10_485_760),
        reader.choice(root.get(Extensions.API_KEY_SOURCE), List.of("HEADER", "AUTHORIZER")), endpointConfiguration,
        disableExecuteApiEndpoint, new PolicyReader(options, problems).read(root.get(Extensions.POLICY)),
        new GatewayResponsesReader(reader).read(root.get(Extensions.GATEWAY_RESPONSES)),
        documentation(root.get(Extensions.DOCUMENTATION)));
  }

  /** Swagger 2.0 keeps it at the root; OpenAPI 3.0 on a server object (the first server that has one). */
  private Located endpointConfiguration(Located root, SpecVersion version) {
    if (version == SpecVersion.SWAGGER_2) {
      return root.get(Extensions.ENDPOINT_CONFIGURATION);
    }
    Located found = null;
    for (Located server : root.get("servers").elements()) {
      Located candidate = server.get(Extensions.ENDPOINT_CONFIGURATION);
      if (!candidate.exists()) {
        continue;
      }
      if (found == null) {
        found = candidate;
      } else {
        problems.warning(candidate, "Only the first server's endpoint configuration is used; ignored");
      }
    }
    return found;
  }

  private List<String> binaryMediaTypes(Located at) {
    List<String> types = new ArrayList<>();
    for (String type : reader.stringList(at)) {
      if (type.indexOf('/') <= 0) {
        problems.error(at, "'" + type + "' is not a media type (type/subtype, wildcards allowed)");
      } else {
        types.add(type);
      }
    }
    return types;
  }

  private DocumentationSet documentation(Located at) {
    if (!reader.object(at)) {
      return null;
    }
    Located parts = at.get("documentationParts");
    if (parts.exists() && !parts.node().isArray()) {
      problems.error(parts, "must be an array of documentation parts");
    }
    for (Located part : parts.elements()) {
      if (!reader.object(part)) {
        continue;
      }
      Located type = part.get("location").get("type");
      String value = reader.text(type);
      if (value == null) {
        problems.error(part, "location.type is required");
      } else if (!DOCUMENTATION_LOCATIONS.contains(value)) {
        problems.error(type, "Unknown documentation location type '" + value + "'");
      }
    }
    return new DocumentationSet(reader.scalar(at.get("version")),
        parts.elements().stream().<JsonNode>map(part -> part.node().deepCopy()).toList());
  }
}
