package dev.restgate.mapping.template;

import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.ContextVariables;
import dev.restgate.spi.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $context} as a template sees it: the variables of {@link ContextVariables} arranged as AWS nests them
 * ({@code $context.identity.sourceIp}, {@code $context.authorizer.claims.email}), and the exchange's
 * {@link Overrides}.
 */
final class ContextVariable {
  private static final List<String> TOP = List.of("requestId", "extendedRequestId", "httpMethod", "protocol",
      "requestTime", "requestTimeEpoch", "accountId", "apiId", "stage", "deploymentId", "resourceId",
      "resourcePath", "path", "domainName", "domainPrefix", "isCanaryRequest");
  private static final List<String> IDENTITY = List.of("sourceIp", "userAgent", "accessKey", "accountId", "caller",
      "user", "userArn", "principalOrgId", "cognitoAuthenticationProvider", "cognitoAuthenticationType",
      "cognitoIdentityId", "cognitoIdentityPoolId", "apiKey", "apiKeyId");
  private static final List<String> ERROR = List.of("message", "messageString", "responseType",
      "validationErrorString");

  private ContextVariable() {}

  static Map<String, Object> of(Exchange exchange) {
    Map<String, Object> context = new LinkedHashMap<>();
    for (String name : TOP) {
      context.put(name, ContextVariables.lookup(name, exchange));
    }
    context.put("identity", group("identity.", IDENTITY, exchange));
    context.put("error", group("error.", ERROR, exchange));
    context.put("authorizer", authorizer(exchange.authorizer()));
    Overrides overrides = Overrides.of(exchange);
    context.put("requestOverride", overrides.requestOverride());
    context.put("responseOverride", overrides.responseOverride());
    return context;
  }

  private static Map<String, Object> group(String prefix, List<String> names, Exchange exchange) {
    Map<String, Object> group = new LinkedHashMap<>();
    for (String name : names) {
      group.put(name, ContextVariables.lookup(prefix + name, exchange));
    }
    return group;
  }

  private static Map<String, Object> authorizer(AuthorizerContext authorizer) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (authorizer != null) {
      values.putAll(authorizer.context());
      values.put("principalId", authorizer.principalId());
      values.put("claims", new LinkedHashMap<>(authorizer.claims()));
      values.put("integrationLatency", authorizer.integrationLatency());
    }
    return values;
  }
}
