package dev.restgate.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code x-amazon-apigateway-*} extension names, and the plugin extensions (every other {@code x-*}). */
final class Extensions {
  static final String PREFIX = "x-amazon-apigateway-";

  static final String INTEGRATION = PREFIX + "integration";
  static final String ANY_METHOD = PREFIX + "any-method";
  static final String AUTHORIZER = PREFIX + "authorizer";
  static final String AUTHTYPE = PREFIX + "authtype";
  static final String AUTH = PREFIX + "auth";
  static final String API_KEY_SOURCE = PREFIX + "api-key-source";
  static final String BINARY_MEDIA_TYPES = PREFIX + "binary-media-types";
  static final String REQUEST_VALIDATORS = PREFIX + "request-validators";
  static final String REQUEST_VALIDATOR = PREFIX + "request-validator";
  static final String GATEWAY_RESPONSES = PREFIX + "gateway-responses";
  static final String DOCUMENTATION = PREFIX + "documentation";
  static final String ENDPOINT_CONFIGURATION = PREFIX + "endpoint-configuration";
  static final String MINIMUM_COMPRESSION_SIZE = PREFIX + "minimum-compression-size";
  static final String POLICY = PREFIX + "policy";

  /** Extensions AWS defines for HTTP APIs only: a REST API import ignores them. */
  static final Set<String> HTTP_API_ONLY = Set.of(PREFIX + "cors", PREFIX + "tag-value",
      PREFIX + "importexport-version", PREFIX + "integrations");

  private static final Set<String> REST = Set.of(INTEGRATION, ANY_METHOD, AUTHORIZER, AUTHTYPE, AUTH,
      API_KEY_SOURCE, BINARY_MEDIA_TYPES, REQUEST_VALIDATORS, REQUEST_VALIDATOR, GATEWAY_RESPONSES, DOCUMENTATION,
      ENDPOINT_CONFIGURATION, MINIMUM_COMPRESSION_SIZE, POLICY);

  private Extensions() {}

  /** The members of {@code object} named {@code x-*} but not {@code x-amazon-apigateway-*}, as JSON trees. */
  static Map<String, JsonNode> plugins(Located object) {
    Map<String, JsonNode> extensions = new LinkedHashMap<>();
    for (Map.Entry<String, Located> field : object.fields()) {
      String name = field.getKey();
      if (name.startsWith("x-") && !name.startsWith(PREFIX)) {
        extensions.put(name, field.getValue().node().deepCopy());
      }
    }
    return extensions;
  }

  /**
   * Warns about each {@code x-amazon-apigateway-*} member of {@code object} that is not among {@code understood}:
   * those for HTTP APIs, those that belong elsewhere and those AWS does not define.
   */
  static void warnIgnored(Located object, Set<String> understood, String where, Problems problems) {
    for (Map.Entry<String, Located> field : object.fields()) {
      String name = field.getKey();
      if (!name.startsWith(PREFIX) || understood.contains(name)) {
        continue;
      }
      if (HTTP_API_ONLY.contains(name)) {
        problems.warning(field.getValue(), name + " applies to HTTP APIs only; ignored by a REST API import");
      } else if (REST.contains(name)) {
        problems.warning(field.getValue(), name + " does not belong on " + where + "; ignored");
      } else {
        problems.warning(field.getValue(), "Unknown extension " + name + "; ignored");
      }
    }
  }
}
