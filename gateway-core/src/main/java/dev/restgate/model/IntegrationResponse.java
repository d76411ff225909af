package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One integration response of a non-proxy integration.
 *
 * @param selectionPattern a Java regular expression matched against the whole backend status (or Lambda
 *     {@code errorMessage}); null or empty for the default response
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IntegrationResponse(
    String statusCode,
    String selectionPattern,
    Map<String, String> responseParameters,
    Map<String, String> responseTemplates,
    String contentHandling) {
  public IntegrationResponse {
    responseParameters = Copies.map(responseParameters);
    responseTemplates = Copies.map(responseTemplates);
  }
}
