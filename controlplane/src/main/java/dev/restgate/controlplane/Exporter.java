package dev.restgate.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.model.Authorizer;
import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.model.Deployment;
import dev.restgate.model.Integration;
import dev.restgate.model.IntegrationResponse;
import dev.restgate.model.Method;
import dev.restgate.model.MethodResponse;
import dev.restgate.model.Model;
import dev.restgate.model.RequestValidator;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GetExport}: a stage's deployment as a Swagger 2.0 or OpenAPI 3.0 document in the shape AWS exports, which
 * the gateway's importer reads back to the same API. The {@code extensions} AWS offers decide what is added:
 * {@code integrations} the integrations; {@code validators} the request validators; {@code authorizers} the
 * authorizers of the security schemes; {@code apigateway} all of them and the API-level extensions (binary media
 * types, gateway responses, policy, API key source). {@code postman} is accepted and adds nothing.
 */
final class Exporter {
  /** Swagger 2.0 ({@code swagger}) or OpenAPI 3.0 ({@code oas30}). */
  enum Format { SWAGGER, OAS30 }

  private static final String MODEL_URL = "https://apigateway.amazonaws.com/restapis/";

  private final RestApi api;
  private final Format format;
  private final boolean integrations;
  private final boolean validators;
  private final boolean authorizers;
  private final boolean apiGateway;

  Exporter(RestApi api, Format format, Set<String> extensions) {
    this.api = api;
    this.format = format;
    this.apiGateway = extensions.contains("apigateway");
    this.integrations = apiGateway || extensions.contains("integrations");
    this.validators = apiGateway || extensions.contains("validators");
    this.authorizers = apiGateway || extensions.contains("authorizers");
  }

  /** The document of {@code api} as deployed by {@code deployment} and served by {@code stage} in {@code region}. */
  ObjectNode export(Deployment deployment, String stage, String region) throws JsonProcessingException {
    ObjectNode doc = Views.JSON.createObjectNode();
    String host = api.id() + ".execute-api." + region + ".amazonaws.com";
    if (format == Format.SWAGGER) {
      doc.put("swagger", "2.0");
    } else {
      doc.put("openapi", "3.0.1");
    }
    ObjectNode info = doc.putObject("info");
    if (api.description() != null) {
      info.put("description", api.description());
    }
    info.put("version", api.version() != null ? api.version()
        : deployment.createdDate() == null ? "1" : deployment.createdDate().toString());
    info.put("title", api.name());
    if (format == Format.SWAGGER) {
      doc.put("host", host);
      doc.put("basePath", "/" + stage);
      doc.putArray("schemes").add("https");
    } else {
      ObjectNode server = doc.putArray("servers").addObject();
      server.put("url", "https://" + host + "/{basePath}");
      server.putObject("variables").putObject("basePath").put("default", stage);
    }
    ObjectNode paths = doc.putObject("paths");
    for (Resource resource : api.resources()) {
      if (!resource.resourceMethods().isEmpty()) {
        ObjectNode item = paths.putObject(resource.path());
        resource.resourceMethods().forEach((verb, method) -> item.set(
            verb.equals("ANY") ? "x-amazon-apigateway-any-method" : verb.toLowerCase(Locale.ROOT), method(method)));
      }
    }
    ObjectNode schemes = securitySchemes();
    ObjectNode schemas = schemas();
    if (format == Format.SWAGGER) {
      if (!schemes.isEmpty()) {
        doc.set("securityDefinitions", schemes);
      }
      if (!schemas.isEmpty()) {
        doc.set("definitions", schemas);
      }
    } else if (!schemes.isEmpty() || !schemas.isEmpty()) {
      ObjectNode components = doc.putObject("components");
      if (!schemas.isEmpty()) {
        components.set("schemas", schemas);
      }
      if (!schemes.isEmpty()) {
        components.set("securitySchemes", schemes);
      }
    }
    apiExtensions(doc);
    return doc;
  }

  private ObjectNode method(Method method) {
    ObjectNode operation = Views.JSON.createObjectNode();
    if (method.operationName() != null) {
      operation.put("operationId", method.operationName());
    }
    String bodyModel = method.requestModels().isEmpty() ? null : method.requestModels().values().iterator().next();
    if (format == Format.SWAGGER && !method.requestModels().isEmpty()) {
      ArrayNode consumes = operation.putArray("consumes");
      method.requestModels().keySet().forEach(consumes::add);
    }
    if (format == Format.SWAGGER && hasResponseModels(method)) {
      ArrayNode produces = operation.putArray("produces");
      method.methodResponses().values().stream().flatMap(r -> r.responseModels().keySet().stream()).distinct()
          .forEach(produces::add);
    }
    ArrayNode parameters = Views.JSON.createArrayNode();
    method.requestParameters().forEach((name, required) -> {
      String[] parts = name.split("\\.", 4);
      String in = switch (parts[2]) {
        case "path" -> "path";
        case "querystring" -> "query";
        default -> "header";
      };
      ObjectNode parameter = parameters.addObject();
      parameter.put("name", parts[3]);
      parameter.put("in", in);
      parameter.put("required", in.equals("path") || Boolean.TRUE.equals(required));
      typed(parameter);
    });
    if (bodyModel != null && format == Format.SWAGGER) {
      ObjectNode body = parameters.addObject();
      body.put("in", "body");
      body.put("name", bodyModel);
      body.put("required", true);
      body.putObject("schema").put("$ref", ref(bodyModel));
    }
    if (!parameters.isEmpty()) {
      operation.set("parameters", parameters);
    }
    if (bodyModel != null && format == Format.OAS30) {
      ObjectNode content = operation.putObject("requestBody").putObject("content");
      method.requestModels().forEach((type, model) -> content.putObject(type).putObject("schema")
          .put("$ref", ref(model)));
      ((ObjectNode) operation.get("requestBody")).put("required", true);
    }
    ObjectNode responses = operation.putObject("responses");
    for (MethodResponse response : method.methodResponses().values()) {
      responses.set(response.statusCode(), response(response));
    }
    ArrayNode security = security(method);
    if (!security.isEmpty()) {
      operation.set("security", security);
    }
    if (validators && method.requestValidatorId() != null) {
      api.requestValidators().stream().filter(v -> v.id().equals(method.requestValidatorId())).findFirst()
          .ifPresent(v -> operation.put("x-amazon-apigateway-request-validator", v.name()));
    }
    if (integrations && method.methodIntegration() != null) {
      operation.set("x-amazon-apigateway-integration", integration(method.methodIntegration()));
    }
    if (apiGateway) {
      method.extensions().forEach(operation::set);
    }
    return operation;
  }

  private static boolean hasResponseModels(Method method) {
    return method.methodResponses().values().stream().anyMatch(r -> !r.responseModels().isEmpty());
  }

  private ObjectNode response(MethodResponse response) {
    ObjectNode node = Views.JSON.createObjectNode();
    node.put("description", response.statusCode() + " response");
    if (!response.responseModels().isEmpty()) {
      if (format == Format.SWAGGER) {
        node.putObject("schema").put("$ref", ref(response.responseModels().values().iterator().next()));
      } else {
        ObjectNode content = node.putObject("content");
        response.responseModels().forEach((type, model) -> content.putObject(type).putObject("schema")
            .put("$ref", ref(model)));
      }
    }
    ObjectNode headers = Views.JSON.createObjectNode();
    response.responseParameters().keySet().stream()
        .filter(name -> name.startsWith("method.response.header."))
        .forEach(name -> typed(headers.putObject(name.substring("method.response.header.".length()))));
    if (!headers.isEmpty()) {
      node.set("headers", headers);
    }
    return node;
  }

  /** A string-typed parameter or header, in each version's way. */
  private void typed(ObjectNode node) {
    if (format == Format.SWAGGER) {
      node.put("type", "string");
    } else {
      node.putObject("schema").put("type", "string");
    }
  }

  private ArrayNode security(Method method) {
    ArrayNode security = Views.JSON.createArrayNode();
    ObjectNode requirement = Views.JSON.createObjectNode();
    switch (method.authorizationType() == null ? "NONE" : method.authorizationType()) {
      case "AWS_IAM" -> requirement.putArray("sigv4");
      case "CUSTOM", "COGNITO_USER_POOLS" -> api.authorizers().stream()
          .filter(a -> a.id().equals(method.authorizerId())).findFirst().ifPresent(authorizer -> {
            ArrayNode scopes = requirement.putArray(authorizer.name());
            method.authorizationScopes().forEach(scopes::add);
          });
      default -> { }
    }
    if (Boolean.TRUE.equals(method.apiKeyRequired())) {
      requirement.putArray("api_key");
    }
    if (!requirement.isEmpty()) {
      security.add(requirement);
    }
    return security;
  }

  private ObjectNode integration(Integration integration) {
    ObjectNode node = Views.JSON.valueToTree(integration);
    node.remove("integrationResponses");
    node.put("type", integration.type().toLowerCase(Locale.ROOT));
    if (integration.passthroughBehavior() != null) {
      node.put("passthroughBehavior", integration.passthroughBehavior().toLowerCase(Locale.ROOT));
    }
    if (!integration.integrationResponses().isEmpty()) {
      ObjectNode responses = node.putObject("responses");
      for (Map.Entry<String, IntegrationResponse> entry : integration.integrationResponses().entrySet()) {
        ObjectNode response = Views.JSON.valueToTree(entry.getValue());
        response.remove("selectionPattern");
        responses.set(entry.getKey(), response);
      }
    }
    return node;
  }

  private ObjectNode securitySchemes() {
    ObjectNode schemes = Views.JSON.createObjectNode();
    boolean keys = false;
    boolean iam = false;
    for (Resource resource : api.resources()) {
      for (Method method : resource.resourceMethods().values()) {
        keys |= Boolean.TRUE.equals(method.apiKeyRequired());
        iam |= "AWS_IAM".equals(method.authorizationType());
      }
    }
    if (keys) {
      schemes.putObject("api_key").put("type", "apiKey").put("name", "x-api-key").put("in", "header");
    }
    if (iam) {
      schemes.putObject("sigv4").put("type", "apiKey").put("name", "Authorization").put("in", "header")
          .put("x-amazon-apigateway-authtype", "awsSigv4");
    }
    for (Authorizer authorizer : api.authorizers()) {
      String type = authorizer.type() == null ? "TOKEN" : authorizer.type();
      ObjectNode scheme = schemes.putObject(authorizer.name());
      scheme.put("type", "apiKey");
      String source = authorizer.identitySource();
      scheme.put("name", !type.equals("REQUEST") && source != null && source.startsWith("method.request.header.")
          ? source.substring("method.request.header.".length()) : "Unused");
      scheme.put("in", "header");
      scheme.put("x-amazon-apigateway-authtype", authorizer.authType() != null ? authorizer.authType()
          : type.equals("COGNITO_USER_POOLS") ? "cognito_user_pools" : "custom");
      if (authorizers) {
        ObjectNode extension = Views.JSON.valueToTree(authorizer);
        extension.remove(List.of("id", "name", "authType"));
        extension.put("type", type.toLowerCase(Locale.ROOT));
        scheme.set("x-amazon-apigateway-authorizer", extension);
      }
    }
    return schemes;
  }

  private ObjectNode schemas() throws JsonProcessingException {
    ObjectNode schemas = Views.JSON.createObjectNode();
    for (Model model : api.models()) {
      if (model.schema() != null) {
        schemas.set(model.name(), localRefs(Views.JSON.readTree(model.schema())));
      }
    }
    return schemas;
  }

  /** Model references as the document names them ({@code #/definitions/Pet}), not as AWS URLs. */
  private JsonNode localRefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$ref") && field.getValue().isTextual()
            && field.getValue().textValue().startsWith(MODEL_URL)) {
          String url = field.getValue().textValue();
          field.setValue(Views.JSON.getNodeFactory().textNode(ref(url.substring(url.lastIndexOf('/') + 1))));
        } else {
          localRefs(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::localRefs);
    }
    return node;
  }

  private String ref(String model) {
    return (format == Format.SWAGGER ? "#/definitions/" : "#/components/schemas/") + model;
  }

  private void apiExtensions(ObjectNode doc) throws JsonProcessingException {
    if (!api.binaryMediaTypes().isEmpty()) {
      ArrayNode types = doc.putArray("x-amazon-apigateway-binary-media-types");
      api.binaryMediaTypes().forEach(types::add);
    }
    if (validators && !api.requestValidators().isEmpty()) {
      ObjectNode all = doc.putObject("x-amazon-apigateway-request-validators");
      for (RequestValidator validator : api.requestValidators()) {
        all.putObject(validator.name())
            .put("validateRequestBody", Boolean.TRUE.equals(validator.validateRequestBody()))
            .put("validateRequestParameters", Boolean.TRUE.equals(validator.validateRequestParameters()));
      }
    }
    if (!apiGateway) {
      return;
    }
    if (!api.gatewayResponses().isEmpty()) {
      ObjectNode responses = doc.putObject("x-amazon-apigateway-gateway-responses");
      for (CustomGatewayResponse response : api.gatewayResponses().values()) {
        ObjectNode node = Views.JSON.valueToTree(response);
        node.remove(List.of("responseType", "defaultResponse"));
        responses.set(response.responseType(), node);
      }
    }
    if (api.policy() != null) {
      doc.set("x-amazon-apigateway-policy", Views.JSON.readTree(api.policy()));
    }
    if (api.apiKeySource() != null) {
      doc.put("x-amazon-apigateway-api-key-source", api.apiKeySource());
    }
    if (api.minimumCompressionSize() != null) {
      doc.put("x-amazon-apigateway-minimum-compression-size", api.minimumCompressionSize());
    }
    api.extensions().forEach(doc::set);
  }
}
