package dev.restgate.spi;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code $context} variables of an exchange ({@code requestId}, {@code stage}, {@code identity.sourceIp},
 * {@code authorizer.principalId}, {@code error.message}, ...), as parameter mappings, gateway responses and
 * templates see them. Unknown or unset variables are null.
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
   */
  public static String lookup(String name, Exchange exchange) {
    if (name.startsWith("identity.")) {
      return identity(name.substring("identity.".length()), exchange.identity());
    }
    if (name.startsWith("authorizer.")) {
      return authorizer(name.substring("authorizer.".length()), exchange.authorizer());
    }
    if (name.startsWith("error.")) {
      return error(name.substring("error.".length()), exchange.error());
    }
    RouteMatch route = exchange.route();
    return switch (name) {
      case "requestId" -> exchange.requestId();
      case "extendedRequestId" -> exchange.extendedRequestId();
      case "httpMethod" -> exchange.request().method();
      case "protocol" -> "HTTP/1.1";
      case "requestTime" -> REQUEST_TIME.format(exchange.requestTime());
      case "requestTimeEpoch" -> Long.toString(exchange.requestTime().toEpochMilli());
      default -> route == null ? null : route(name, route);
    };
  }

  private static String route(String name, RouteMatch route) {
    return switch (name) {
      case "accountId" -> route.accountId();
      case "apiId" -> route.api().id();
      case "stage" -> route.stage().stageName();
      case "deploymentId" -> route.deploymentId();
      case "resourceId" -> route.resource() == null ? null : route.resource().id();
      case "resourcePath" -> route.resource() == null ? null : route.resource().path();
      case "path" -> route.contextPath();
      case "domainName" -> route.domainName();
      case "domainPrefix" -> route.domainPrefix();
      case "isCanaryRequest" -> route.canary() == null ? null : route.canary().toString();
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

  private static String authorizer(String field, AuthorizerContext authorizer) {
    if (authorizer == null) {
      return null;
    }
    if (field.equals("principalId")) {
      return authorizer.principalId();
    }
    if (field.startsWith("claims.")) {
      return authorizer.claims().get(field.substring("claims.".length()));
    }
    if (field.equals("integrationLatency")) {
      return authorizer.integrationLatency() == null ? null : authorizer.integrationLatency().toString();
    }
    return authorizer.context().get(field);
  }

  private static String error(String field, GatewayException error) {
    if (error == null) {
      return null;
    }
    return switch (field) {
      case "message" -> error.errorMessage();
      case "messageString" -> error.errorMessage() == null ? "null" : Json.quote(error.errorMessage());
      case "responseType" -> error.type().name();
      case "validationErrorString" -> error.validationErrorString();
      default -> null;
    };
  }
}
