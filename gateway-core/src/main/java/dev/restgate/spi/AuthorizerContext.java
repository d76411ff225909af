package dev.restgate.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an authorizer established about the caller, handed by the AUTHORIZE phase to later phases, the integration
 * and logs: {@code $context.authorizer.*} and the proxy event's {@code requestContext.authorizer}.
 *
 * @param principalId the Lambda authorizer's {@code principalId}, or null
 * @param context the Lambda authorizer's {@code context}, values stringified as AWS hands them on
 * @param claims the claims of a Cognito (or other JWT) token, or empty
 * @param integrationLatency how long the Lambda authorizer took, in milliseconds, or null (a cached result, Cognito)
 * @param usageIdentifierKey the API key the authorizer supplies for {@code apiKeySource: AUTHORIZER}, or null
 */
public record AuthorizerContext(String principalId, Map<String, String> context, Map<String, String> claims,
    Long integrationLatency, String usageIdentifierKey) {

  public AuthorizerContext {
    context = ordered(context);
    claims = ordered(claims);
  }

  private static Map<String, String> ordered(Map<String, String> values) {
    return values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @Override
  public String toString() {
    return "AuthorizerContext[principalId=" + principalId + ", context=" + context.keySet() + ", claims="
        + claims.keySet() + "]";
  }
}
