package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a method expects of a request: its parameters ({@code method.request.{path|querystring|header}.{name}}
 * to required) and its body models by content type (Swagger 2.0 {@code in: body} with {@code consumes}, OpenAPI 3.0
 * {@code requestBody.content}).
 */
final class RequestReader {
  /** A method's request parameters and request models. */
  record Request(Map<String, Boolean> parameters, Map<String, String> models) {}

  private static final List<String> DEFAULT_MEDIA_TYPES = List.of("application/json");

  private final SpecVersion version;
  private final Located root;
  private final Refs refs;
  private final ModelCatalog models;
  private final FieldReader reader;
  private final Problems problems;

  RequestReader(SpecVersion version, Located root, Refs refs, ModelCatalog models, FieldReader reader) {
    this.version = version;
    this.root = root;
    this.refs = refs;
    this.models = models;
    this.reader = reader;
    this.problems = reader.problems();
  }

  /**
   * @param modelName the start of the name of a model made from an inline body schema
   */
  Request read(Located operation, Located pathItem, String modelName) {
    String bodyModelName = modelName + "Request";
    Map<String, Boolean> parameters = new LinkedHashMap<>();
    Map<String, String> requestModels = new LinkedHashMap<>();
    Located body = null;
    for (Located parameter : parameters(pathItem, operation).values()) {
      String name = reader.required(parameter, "name", "");
      String in = reader.required(parameter, "in", "");
      if (name == null || in == null) {
        continue;
      }
      boolean required = Boolean.TRUE.equals(reader.bool(parameter.get("required")));
      switch (in) {
        case "path" -> parameters.put("method.request.path." + name, true);
        case "query" -> parameters.put("method.request.querystring." + name, required);
        case "header" -> parameters.put("method.request.header." + name, required);
        case "body" -> {
          if (version != SpecVersion.SWAGGER_2) {
            problems.error(parameter.get("in"), "in: body is Swagger 2.0; OpenAPI 3.0 uses requestBody");
          } else if (body != null) {
            problems.error(parameter, "An operation has at most one body parameter");
          } else {
            body = parameter.get("schema");
          }
        }
        case "formData" -> problems.warning(parameter, "formData parameters are not supported; ignored");
        case "cookie" -> problems.warning(parameter, "Cookie parameters are not supported; ignored");
        default -> problems.error(parameter.get("in"), "in must be path, query, header"
            + (version == SpecVersion.SWAGGER_2 ? ", body or formData" : " or cookie") + ", not '" + in + "'");
      }
    }
    if (body != null) {
      String model = models.modelFor(body, bodyModelName);
      if (model != null) {
        mediaTypes(operation, "consumes").forEach(type -> requestModels.put(type, model));
      }
    }
    Located requestBody = operation.get("requestBody");
    if (version == SpecVersion.OPENAPI_3 && requestBody.exists()) {
      Located resolved = refs.resolve(requestBody);
      if (resolved != null) {
        requestModels.putAll(contentModels(resolved.get("content"), bodyModelName));
      }
    }
    return new Request(parameters, requestModels);
  }

  /** OpenAPI 3.0 {@code content}: media type to the model of its schema. */
  Map<String, String> contentModels(Located content, String modelName) {
    Map<String, String> byMediaType = new LinkedHashMap<>();
    if (!reader.object(content)) {
      return byMediaType;
    }
    for (Map.Entry<String, Located> mediaType : content.fields()) {
      String model = models.modelFor(mediaType.getValue().get("schema"), modelName);
      if (model != null) {
        byMediaType.put(mediaType.getKey(), model);
      }
    }
    return byMediaType;
  }

  /** Swagger 2.0 {@code consumes}/{@code produces} of the operation, else of the document, else JSON. */
  List<String> mediaTypes(Located operation, String member) {
    List<String> types = reader.stringList(operation.get(member));
    if (types.isEmpty()) {
      types = reader.stringList(root.get(member));
    }
    return types.isEmpty() ? DEFAULT_MEDIA_TYPES : types;
  }

  /** Path-level then operation-level parameters, resolved; an operation's parameter replaces the path's. */
  private Map<String, Located> parameters(Located pathItem, Located operation) {
    Map<String, Located> byKey = new LinkedHashMap<>();
    for (Located list : List.of(pathItem.get("parameters"), operation.get("parameters"))) {
      if (!list.exists()) {
        continue;
      }
      if (!list.node().isArray()) {
        problems.error(list, "must be an array of parameters");
        continue;
      }
      for (Located element : list.elements()) {
        Located parameter = refs.resolve(element);
        if (parameter != null && reader.object(parameter)) {
          JsonNode name = parameter.node().get("name");
          String key = name == null ? parameter.pointer() : parameter.node().path("in").asText() + ":" + name.asText();
          byKey.put(key, parameter);
        }
      }
    }
    return byKey;
  }
}
