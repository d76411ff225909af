package dev.restgate.openapi;

import dev.restgate.model.CustomGatewayResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code x-amazon-apigateway-gateway-responses} into customised gateway responses keyed by type. */
final class GatewayResponsesReader {
  /** In the order of the AWS validation message. */
  static final List<String> TYPES = List.of("REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND",
      "AUTHORIZER_CONFIGURATION_ERROR", "MISSING_AUTHENTICATION_TOKEN", "BAD_REQUEST_BODY", "INVALID_SIGNATURE",
      "INVALID_API_KEY", "BAD_REQUEST_PARAMETERS", "AUTHORIZER_FAILURE", "UNAUTHORIZED", "INTEGRATION_TIMEOUT",
      "ACCESS_DENIED", "DEFAULT_4XX", "DEFAULT_5XX", "WAF_FILTERED", "QUOTA_EXCEEDED", "THROTTLED",
      "API_CONFIGURATION_ERROR", "UNSUPPORTED_MEDIA_TYPE", "INTEGRATION_FAILURE", "EXPIRED_TOKEN");
  private static final Set<String> FIELDS = Set.of("statusCode", "responseParameters", "responseTemplates");
  private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
  private static final Pattern TARGET =
      Pattern.compile("gatewayresponse\\.(header|path|querystring)\\.[a-zA-Z0-9._$-]+");

  private final FieldReader reader;
  private final Problems problems;

  GatewayResponsesReader(FieldReader reader) {
    this.reader = reader;
    this.problems = reader.problems();
  }

  Map<String, CustomGatewayResponse> read(Located at) {
    Map<String, CustomGatewayResponse> responses = new LinkedHashMap<>();
    if (!reader.object(at)) {
      return responses;
    }
    for (Map.Entry<String, Located> field : at.fields()) {
      String type = field.getKey();
      Located response = field.getValue();
      if (!TYPES.contains(type)) {
        problems.error(response, "Unknown gateway response type '" + type + "'; the types are "
            + String.join(", ", TYPES));
        continue;
      }
      if (!reader.object(response)) {
        continue;
      }
      response.fields().stream().filter(f -> !FIELDS.contains(f.getKey())).forEach(f -> problems.warning(
          f.getValue(), "Unknown gateway response property " + f.getKey() + "; ignored"));
      String statusCode = reader.scalar(response.get("statusCode"));
      if (statusCode != null && !STATUS.matcher(statusCode).matches()) {
        problems.error(response.get("statusCode"), "statusCode must be an HTTP status code, not '" + statusCode
            + "'");
      }
      Map<String, String> parameters = reader.stringMap(response.get("responseParameters"));
      parameters.keySet().stream().filter(key -> !TARGET.matcher(key).matches()).forEach(key -> problems.error(
          response.get("responseParameters").get(key), "Invalid gateway response parameter '" + key
              + "': use gatewayresponse.{header|path|querystring}.{name}"));
      responses.put(type, new CustomGatewayResponse(type, statusCode, parameters,
          reader.stringMap(response.get("responseTemplates")), false));
    }
    return responses;
  }
}
