package dev.restgate.mapping;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.restgate.model.Model;
import dev.restgate.model.RestApi;
import java.util.HashMap;
import java.util.Map;

/**
 * An API's models as JSON Schema draft 4 validators. A model's {@code $ref}s to the others use the addresses AWS
 * gives models ({@code https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}}) and resolve to this API's
 * own models; nothing is fetched from anywhere else. Every API has AWS's {@code Empty} and {@code Error} models.
 */
final class ModelSchemas {
  static final String EMPTY = "Empty";
  private static final String EMPTY_SCHEMA =
      "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Empty Schema\",\"type\":\"object\"}";
  private static final String ERROR_SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
      + "\"title\":\"Error Schema\",\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}";

  private final String apiId;
  private final SchemaRegistry registry;

  ModelSchemas(RestApi api) {
    this.apiId = api.id();
    Map<String, String> byAddress = new HashMap<>();
    byAddress.put(address(api.id(), EMPTY), EMPTY_SCHEMA);
    byAddress.put(address(api.id(), "Error"), ERROR_SCHEMA);
    for (Model model : api.models()) {
      byAddress.put(address(api.id(), model.name()), model.schema());
    }
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
        .schemas(byAddress)
        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
  }

  /**
   * The validator of model {@code name}, compiled with the models it refers to; thread-safe once returned.
   *
   * @throws IllegalArgumentException when the API has no such model or its schema does not compile
   */
  Schema schema(String name) {
    try {
      Schema schema = registry.getSchema(SchemaLocation.of(address(apiId, name)));
      schema.initializeValidators();
      return schema;
    } catch (SchemaException | IllegalStateException e) {
      throw new IllegalArgumentException("The model " + name + " cannot be used to validate: " + e.getMessage(), e);
    }
  }

  private static String address(String apiId, String model) {
    return "https://apigateway.amazonaws.com/restapis/" + apiId + "/models/" + model;
  }
}
