package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.model.Model;
import dev.restgate.spi.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API's models: one per reusable schema ({@code definitions} / {@code components.schemas}), one per inline
 * object or array body schema, and the {@code Empty} and {@code Error} models every API has. Schemas are stored as
 * JSON Schema draft 4 text with references to other models rewritten to their API Gateway model URLs.
 */
final class ModelCatalog {
  private static final String DRAFT_4 = "http://json-schema.org/draft-04/schema#";
  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9]+");
  private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "number", "integer", "boolean");
  private static final Set<String> UNSUPPORTED_KEYWORDS =
      Set.of("discriminator", "example", "exclusiveMinimum", "readOnly", "default");
  private static final Set<String> UNSUPPORTED_FORMATS = Set.of("int32", "int64", "decimal");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String apiId;
  private final SpecVersion version;
  private final Refs refs;
  private final Problems problems;
  private final Set<String> definedNames = new LinkedHashSet<>();
  private final Map<String, Model> models = new LinkedHashMap<>();
  private final Map<String, String> inlineModelsByPointer = new HashMap<>();

  ModelCatalog(String apiId, SpecVersion version, Refs refs, Problems problems) {
    this.apiId = apiId;
    this.version = version;
    this.refs = refs;
    this.problems = problems;
  }

  /** Reads the reusable schemas; call before {@link #modelFor}. */
  void readDefinitions(Located schemas) {
    if (!schemas.exists()) {
      return;
    }
    if (!schemas.isObject()) {
      problems.error(schemas, "must be an object of schemas");
      return;
    }
    schemas.fields().forEach(field -> definedNames.add(field.getKey()));
    for (Map.Entry<String, Located> field : schemas.fields()) {
      String name = field.getKey();
      if (!MODEL_NAME.matcher(name).matches()) {
        problems.warning(field.getValue(), "Model name '" + name + "' is not alphanumeric; the model is not "
            + "imported and bodies referring to it get no model");
      } else if (!field.getValue().isObject()) {
        problems.error(field.getValue(), "A schema must be an object");
      } else {
        models.put(name, model(name, field.getValue()));
      }
    }
  }

  /**
   * The model for a body schema: a reference to a reusable schema gives its name; an inline object or array schema
   * becomes a model named after {@code suggestedName}. Null for an absent or empty schema, and (with a warning) for
   * primitive schemas and references to undefined models.
   */
  String modelFor(Located schema, String suggestedName) {
    if (!schema.exists()) {
      return null;
    }
    if (!schema.isObject()) {
      problems.error(schema, "A schema must be an object");
      return null;
    }
    JsonNode ref = schema.node().path("$ref");
    if (ref.isTextual() && ref.textValue().startsWith(version.schemaRefPrefix())) {
      String name = referencedName(ref.textValue());
      if (models.containsKey(name)) {
        return name;
      }
      if (!definedNames.contains(name)) {
        problems.warning(schema.get("$ref"), "Model '" + name + "' is not defined; no model is attached");
      }
      return null;
    }
    Located target = refs.resolve(schema);
    return target == null ? null : inlineModel(target, suggestedName);
  }

  /** Every model, the document's first. */
  List<Model> models() {
    List<Model> all = new ArrayList<>(models.values());
    if (!definedNames.contains("Empty")) {
      all.add(new Model(Ids.derive(10, apiId, "model", "Empty"), "Empty", "This is a default empty schema model",
          "{\"$schema\":\"" + DRAFT_4 + "\",\"title\":\"Empty Schema\",\"type\":\"object\"}", "application/json"));
    }
    if (!definedNames.contains("Error")) {
      all.add(new Model(Ids.derive(10, apiId, "model", "Error"), "Error", "This is a default error schema model",
          "{\"$schema\":\"" + DRAFT_4 + "\",\"title\":\"Error Schema\",\"type\":\"object\",\"properties\":"
              + "{\"message\":{\"type\":\"string\"}}}", "application/json"));
    }
    return all;
  }

  private String inlineModel(Located schema, String suggestedName) {
    String existing = inlineModelsByPointer.get(schema.pointer());
    if (existing != null) {
      return existing;
    }
    if (schema.node().isEmpty()) {
      return null;
    }
    JsonNode type = schema.node().path("type");
    if (type.isTextual() && PRIMITIVE_TYPES.contains(type.textValue())) {
      problems.warning(schema, "Primitive (" + type.textValue() + ") body schemas are not supported; no model is "
          + "attached");
      return null;
    }
    String name = uniqueName(suggestedName);
    models.put(name, model(name, schema));
    inlineModelsByPointer.put(schema.pointer(), name);
    return name;
  }

  private String uniqueName(String suggested) {
    String base = suggested.replaceAll("[^A-Za-z0-9]", "");
    String name = base.isEmpty() ? "Model" : base;
    for (int n = 2; models.containsKey(name) || definedNames.contains(name); n++) {
      name = base + n;
    }
    return name;
  }

  private Model model(String name, Located schema) {
    ObjectNode converted = NODES.objectNode();
    JsonNode body = convert(schema);
    if (!body.has("$schema")) {
      converted.put("$schema", DRAFT_4);
    }
    converted.setAll((ObjectNode) body);
    JsonNode description = schema.node().path("description");
    return new Model(Ids.derive(10, apiId, "model", name), name,
        description.isTextual() ? description.textValue() : null, converted.toString(), "application/json");
  }

  /** A copy of a schema with model references rewritten, warning about what API Gateway models ignore. */
  private JsonNode convert(Located schema) {
    if (!schema.isObject()) {
      return schema.node().deepCopy();
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, Located> field : schema.fields()) {
      String key = field.getKey();
      Located value = field.getValue();
      switch (key) {
        case "$ref" -> out.set(key, value.node().isTextual() ? NODES.textNode(modelRef(value)) : value.node());
        case "properties", "patternProperties", "definitions" -> out.set(key, convertEach(value));
        case "items", "additionalProperties", "not" -> out.set(key, convertArrayOrOne(value));
        case "allOf", "anyOf", "oneOf" -> {
          if (key.equals("oneOf") && version == SpecVersion.SWAGGER_2) {
            problems.warning(value, "oneOf is not supported in Swagger 2.0 models");
          }
          out.set(key, convertArrayOrOne(value));
        }
        default -> {
          warnIfUnsupported(key, value);
          out.set(key, value.node().deepCopy());
        }
      }
    }
    return out;
  }

  private JsonNode convertEach(Located schemas) {
    if (!schemas.isObject()) {
      return schemas.node().deepCopy();
    }
    ObjectNode out = NODES.objectNode();
    schemas.fields().forEach(field -> out.set(field.getKey(), convert(field.getValue())));
    return out;
  }

  private JsonNode convertArrayOrOne(Located value) {
    if (!value.node().isArray()) {
      return convert(value);
    }
    ArrayNode out = NODES.arrayNode();
    value.elements().forEach(element -> out.add(convert(element)));
    return out;
  }

  private String modelRef(Located ref) {
    String target = ref.node().textValue();
    if (!target.startsWith(version.schemaRefPrefix())) {
      problems.warning(ref, "Reference '" + target + "' cannot be resolved inside a model: only references to "
          + version.schemaRefPrefix() + "{name} are");
      return target;
    }
    String name = referencedName(target);
    if (!definedNames.contains(name)) {
      problems.warning(ref, "Model '" + name + "' is not defined");
    }
    return "https://apigateway.amazonaws.com/restapis/" + apiId + "/models/" + name;
  }

  private String referencedName(String ref) {
    return ref.substring(version.schemaRefPrefix().length()).replace("~1", "/").replace("~0", "~");
  }

  private void warnIfUnsupported(String keyword, Located value) {
    if (UNSUPPORTED_KEYWORDS.contains(keyword)) {
      problems.warning(value, "'" + keyword + "' is not supported in API Gateway models; it has no effect");
    } else if (keyword.equals("format") && value.node().isTextual()
        && UNSUPPORTED_FORMATS.contains(value.node().textValue())) {
      problems.warning(value, "Format '" + value.node().textValue() + "' is not supported in API Gateway models; "
          + "it has no effect");
    }
  }
}
