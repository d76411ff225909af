package dev.restgate.openapi;

import dev.restgate.model.MethodResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an operation's {@code responses} into method responses: status code, headers as
 * {@code method.response.header.{name}}, and body models by content type.
 */
final class ResponseReader {
  private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
  private static final Pattern RANGE = Pattern.compile("[1-5]XX|default");

  private final SpecVersion version;
  private final Refs refs;
  private final ModelCatalog models;
  private final RequestReader requests;
  private final FieldReader reader;
  private final Problems problems;

  ResponseReader(SpecVersion version, Refs refs, ModelCatalog models, RequestReader requests, FieldReader reader) {
    this.version = version;
    this.refs = refs;
    this.models = models;
    this.requests = requests;
    this.reader = reader;
    this.problems = reader.problems();
  }

  /**
   * @param modelName the start of the names of models made from inline response schemas
   */
  Map<String, MethodResponse> read(Located operation, String modelName) {
    Map<String, MethodResponse> responses = new LinkedHashMap<>();
    Located all = operation.get("responses");
    if (!reader.object(all)) {
      return responses;
    }
    for (Map.Entry<String, Located> field : all.fields()) {
      String status = field.getKey();
      if (RANGE.matcher(status).matches()) {
        problems.warning(field.getValue(), "Response '" + status + "' is not imported: method responses are "
            + "declared per status code");
        continue;
      }
      if (!STATUS.matcher(status).matches()) {
        problems.error(field.getValue(), "Response keys must be HTTP status codes, not '" + status + "'");
        continue;
      }
      Located response = refs.resolve(field.getValue());
      if (response == null || !reader.object(response)) {
        // Already an error; declaring the status keeps integration responses that use it from adding more.
        responses.put(status, new MethodResponse(status, Map.of(), Map.of()));
        continue;
      }
      String suggested = modelName + "Response" + status;
      Map<String, String> responseModels = version == SpecVersion.SWAGGER_2
          ? swaggerModels(operation, response, suggested)
          : requests.contentModels(response.get("content"), suggested);
      responses.put(status, new MethodResponse(status, headers(response.get("headers")), responseModels));
    }
    return responses;
  }

  private Map<String, Boolean> headers(Located headers) {
    Map<String, Boolean> parameters = new LinkedHashMap<>();
    if (!reader.object(headers)) {
      return parameters;
    }
    for (Map.Entry<String, Located> header : headers.fields()) {
      // Swagger 2.0 headers cannot be required; OpenAPI 3.0 headers can.
      Located resolved = version == SpecVersion.OPENAPI_3 ? refs.resolve(header.getValue()) : header.getValue();
      boolean required = resolved != null && Boolean.TRUE.equals(reader.bool(resolved.get("required")));
      parameters.put("method.response.header." + header.getKey(), required);
    }
    return parameters;
  }

  private Map<String, String> swaggerModels(Located operation, Located response, String suggested) {
    Map<String, String> byMediaType = new LinkedHashMap<>();
    String model = models.modelFor(response.get("schema"), suggested);
    if (model != null) {
      requests.mediaTypes(operation, "produces").forEach(type -> byMediaType.put(type, model));
    }
    return byMediaType;
  }
}
