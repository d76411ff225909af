package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A method of a resource.
 *
 * @param httpMethod {@code GET}, {@code POST}, ... or {@code ANY}
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM} or {@code COGNITO_USER_POOLS}
 * @param requestParameters {@code method.request.{path|querystring|header}.{name}} to "required"
 * @param requestModels content type to model name
 * @param methodResponses keyed by status code
 * @param extensions vendor extensions of the operation that are not {@code x-amazon-apigateway-*} (plugin
 *     configuration), keyed by extension name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Method(
    String httpMethod,
    String authorizationType,
    String authorizerId,
    Boolean apiKeyRequired,
    String requestValidatorId,
    String operationName,
    Map<String, Boolean> requestParameters,
    Map<String, String> requestModels,
    Map<String, MethodResponse> methodResponses,
    Integration methodIntegration,
    List<String> authorizationScopes,
    Map<String, JsonNode> extensions) {

  public Method {
    requestParameters = Copies.map(requestParameters);
    requestModels = Copies.map(requestModels);
    methodResponses = Copies.map(methodResponses);
    authorizationScopes = Copies.list(authorizationScopes);
    extensions = Copies.map(extensions);
  }
}
