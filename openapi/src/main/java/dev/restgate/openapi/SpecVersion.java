package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/** The two document dialects AWS imports for REST APIs, and where each keeps what the importer reads. */
enum SpecVersion {
  SWAGGER_2("#/definitions/", "securityDefinitions"),
  OPENAPI_3("#/components/schemas/", "components.securitySchemes");

  private final String schemaRefPrefix;
  private final String securitySchemesName;

  SpecVersion(String schemaRefPrefix, String securitySchemesName) {
    this.schemaRefPrefix = schemaRefPrefix;
    this.securitySchemesName = securitySchemesName;
  }

  /** The dialect of the document, or null after reporting that it is neither Swagger 2.0 nor OpenAPI 3.0. */
  static SpecVersion detect(Located root, Problems problems) {
    JsonNode swagger = root.node().path("swagger");
    JsonNode openapi = root.node().path("openapi");
    if (swagger.isValueNode() && swagger.asText().equals("2.0")) {
      return SWAGGER_2;
    }
    if (openapi.isTextual() && openapi.textValue().matches("3\\.0(\\.\\d+)?")) {
      return OPENAPI_3;
    }
    if (!openapi.isMissingNode()) {
      problems.error(root.get("openapi"), "OpenAPI version " + openapi.asText() + " is not supported: REST APIs "
          + "import OpenAPI 3.0.x and Swagger 2.0 documents");
    } else if (!swagger.isMissingNode()) {
      problems.error(root.get("swagger"), "Swagger version " + swagger.asText() + " is not supported: REST APIs "
          + "import Swagger 2.0 and OpenAPI 3.0.x documents");
    } else {
      problems.error("", "Not an OpenAPI document: expected a 'swagger: \"2.0\"' or 'openapi: 3.0.x' member");
    }
    return null;
  }

  /** How a {@code $ref} to a reusable schema starts. */
  String schemaRefPrefix() {
    return schemaRefPrefix;
  }

  /** The object of reusable schemas (the models). */
  Located schemas(Located root) {
    return this == SWAGGER_2 ? root.get("definitions") : root.get("components").get("schemas");
  }

  /** The object of security schemes. */
  Located securitySchemes(Located root) {
    return this == SWAGGER_2 ? root.get("securityDefinitions") : root.get("components").get("securitySchemes");
  }

  /** Where security schemes live, for messages. */
  String securitySchemesName() {
    return securitySchemesName;
  }
}
