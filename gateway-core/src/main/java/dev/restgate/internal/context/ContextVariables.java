package dev.restgate.internal.context;

import dev.restgate.spi.Exchange;
import dev.restgate.spi.RequestIdentity;
import dev.restgate.spi.RouteMatch;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves {@code $context} variables ({@code requestId}, {@code stage}, {@code identity.sourceIp}, ...) of an exchange,
 * for gateway response templates and parameter mappings. Unknown or unset variables are null.
 */
public final class ContextVariables {
  /** CLF time as API Gateway writes {@code requestTime}: {@code 09/Apr/2015:12:34:56 +0000}. */
  public static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ContextVariables() {}

  /**
   * The value of {@code $context.<name>}.
   *
   * @param name the variable without {@code context.}, e.g. {@code identity.sourceIp}
   * @param accountId the account the gateway presents itself as
   */
  public static String lookup(String name, Exchange exchange, String accountId) {
    RouteMatch route = exchange.route();
    if (name.startsWith("identity.")) {
      return identity(name.substring("identity.".length()), exchange.identity());
    }
    if (name.startsWith("authorizer.")) {
      Map<String, Object> authorizer = exchange.authorizer();
      Object value = authorizer == null ? null : authorizer.get(name.substring("authorizer.".length()));
      return value == null ? null : String.valueOf(value);
    }
    return switch (name) {
      case "requestId" -> exchange.requestId();
      case "extendedRequestId" -> exchange.extendedRequestId();
      case "accountId" -> accountId;
      case "httpMethod" -> exchange.request().method();
      case "protocol" -> "HTTP/1.1";
      case "requestTime" -> REQUEST_TIME.format(exchange.requestTime());
      case "requestTimeEpoch" -> Long.toString(exchange.requestTime().toEpochMilli());
      case "apiId" -> route == null ? null : route.api().id();
      case "stage" -> route == null || route.stage() == null ? null : route.stage().stageName();
      case "deploymentId" -> route == null ? null : route.deploymentId();
      case "resourceId" -> route == null || route.resource() == null ? null : route.resource().id();
      case "resourcePath" -> route == null || route.resource() == null ? null : route.resource().path();
      case "path" -> route == null ? null : route.contextPath();
      case "domainName" -> route == null ? null : route.domainName();
      case "domainPrefix" -> route == null ? null : route.domainPrefix();
      case "isCanaryRequest" -> route == null || route.canary() == null ? null : route.canary().toString();
      default -> null;
    };
  }

  private static String identity(String field, RequestIdentity identity) {
    return switch (field) {
      case "sourceIp" -> identity.sourceIp();
      case "userAgent" -> identity.userAgent();
      case "accessKey" -> identity.accessKey();
      case "accountId" -> identity.accountId();
      case "caller" -> identity.caller();
      case "user" -> identity.user();
      case "userArn" -> identity.userArn();
      case "principalOrgId" -> identity.principalOrgId();
      case "cognitoAuthenticationProvider" -> identity.cognitoAuthenticationProvider();
      case "cognitoAuthenticationType" -> identity.cognitoAuthenticationType();
      case "cognitoIdentityId" -> identity.cognitoIdentityId();
      case "cognitoIdentityPoolId" -> identity.cognitoIdentityPoolId();
      case "apiKey" -> identity.apiKey();
      case "apiKeyId" -> identity.apiKeyId();
      default -> null;
    };
  }
}
