package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A declared method response.
 *
 * @param responseParameters {@code method.response.header.{name}} to "required"
 * @param responseModels content type to model name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MethodResponse(
    String statusCode, Map<String, Boolean> responseParameters, Map<String, String> responseModels) {
  public MethodResponse {
    responseParameters = Copies.map(responseParameters);
    responseModels = Copies.map(responseModels);
  }
}
