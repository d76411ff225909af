package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Lambda (TOKEN or REQUEST) or Cognito user pool authorizer.
 *
 * @param type {@code TOKEN}, {@code REQUEST} or {@code COGNITO_USER_POOLS}
 * @param authorizerResultTtlInSeconds 0 to 3600; null means the AWS default of 300
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Authorizer(
    String id,
    String name,
    String type,
    List<String> providerARNs,
    String authType,
    String authorizerUri,
    String authorizerCredentials,
    String identitySource,
    String identityValidationExpression,
    Integer authorizerResultTtlInSeconds) {
  public Authorizer {
    providerARNs = Copies.list(providerARNs);
  }
}
