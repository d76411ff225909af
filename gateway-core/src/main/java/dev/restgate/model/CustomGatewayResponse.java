package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A customised gateway response: how the API answers an error the gateway itself raises (the {@code
 * GatewayResponse} resource of the AWS API).
 *
 * @param responseType {@code MISSING_AUTHENTICATION_TOKEN}, {@code DEFAULT_4XX}, ...
 * @param statusCode the status to answer with, or null for the type's default
 * @param responseParameters {@code gatewayresponse.header.{name}} to source expression
 * @param responseTemplates content type to template (plain substitution, not VTL)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CustomGatewayResponse(
    String responseType,
    String statusCode,
    Map<String, String> responseParameters,
    Map<String, String> responseTemplates,
    Boolean defaultResponse) {
  public CustomGatewayResponse {
    responseParameters = Copies.map(responseParameters);
    responseTemplates = Copies.map(responseTemplates);
  }
}
