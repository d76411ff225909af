package dev.restgate.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.Plugin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A method's request validator: its required parameters must be present and not blank (400
 * {@code Missing required request parameters: [...]}), then its body must satisfy the model for its media type
 * ({@code Empty} when it has none; 400 {@code Invalid request body}, the violations in
 * {@code $context.error.validationErrorString}).
 */
final class ValidationPlugin implements Plugin {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ParameterExpression> requiredParameters;
  private final Map<String, Schema> modelsByMediaType;
  private final Schema fallback;

  /**
   * @param requiredParameters parameter name to where it is read, in AWS's reporting order; empty when parameters
   *     are not validated
   * @param modelsByMediaType the body's schemas by media type; null when the body is not validated
   * @param fallback the schema of a media type without a model
   */
  ValidationPlugin(Map<String, ParameterExpression> requiredParameters, Map<String, Schema> modelsByMediaType,
      Schema fallback) {
    this.requiredParameters = requiredParameters;
    this.modelsByMediaType = modelsByMediaType;
    this.fallback = fallback;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, ParameterExpression> parameter : requiredParameters.entrySet()) {
      String value = parameter.getValue().evaluate(exchange);
      if (value == null || value.isBlank()) {
        missing.add(parameter.getKey());
      }
    }
    if (!missing.isEmpty()) {
      throw new GatewayException(GatewayResponseType.BAD_REQUEST_PARAMETERS,
          "Missing required request parameters: [" + String.join(", ", missing) + "]");
    }
    if (modelsByMediaType != null) {
      validateBody(exchange);
    }
    return next.handle(exchange);
  }

  private void validateBody(Exchange exchange) throws GatewayException {
    Schema schema = modelsByMediaType.getOrDefault(
        MediaTypes.ofContentType(exchange.request().headers().first("Content-Type")), fallback);
    String body = exchange.requestBodyText();
    JsonNode document;
    try {
      document = JSON.readTree(body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      throw GatewayException.invalidBody("[Invalid JSON: " + e.getMessage().lines().findFirst().orElse("") + "]");
    }
    List<Error> errors = schema.validate(document);
    if (!errors.isEmpty()) {
      throw GatewayException.invalidBody(errors.stream().map(Error::toString)
          .collect(Collectors.joining(", ", "[", "]")));
    }
  }
}
