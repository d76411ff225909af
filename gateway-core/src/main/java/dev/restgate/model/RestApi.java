package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A REST API definition: everything a deployment freezes (resources, methods, integrations, authorizers, models,
 * validators, gateway responses and API settings).
 *
 * @param id the API id, ten lower-case alphanumerics, used in invoke URLs
 * @param policy the resource policy as JSON text, or null
 * @param resources every resource of the API, the root ({@code /}) included, each with its methods
 * @param gatewayResponses customised gateway responses keyed by response type ({@code DEFAULT_4XX}, ...)
 * @param extensions vendor extensions at API level that are not {@code x-amazon-apigateway-*} (plugin configuration),
 *     keyed by extension name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RestApi(
    String id,
    String name,
    String description,
    String version,
    List<String> binaryMediaTypes,
    Integer minimumCompressionSize,
    String apiKeySource,
    EndpointConfiguration endpointConfiguration,
    String policy,
    Map<String, String> tags,
    Boolean disableExecuteApiEndpoint,
    List<String> warnings,
    List<Resource> resources,
    List<Authorizer> authorizers,
    List<Model> models,
    List<RequestValidator> requestValidators,
    Map<String, CustomGatewayResponse> gatewayResponses,
    DocumentationSet documentation,
    Map<String, JsonNode> extensions) {

  public RestApi {
    binaryMediaTypes = Copies.list(binaryMediaTypes);
    tags = Copies.map(tags);
    warnings = Copies.list(warnings);
    resources = Copies.list(resources);
    authorizers = Copies.list(authorizers);
    models = Copies.list(models);
    requestValidators = Copies.list(requestValidators);
    gatewayResponses = Copies.map(gatewayResponses);
    extensions = Copies.map(extensions);
  }
}
