package dev.restgate.openapi;

import dev.restgate.model.Authorizer;
import dev.restgate.spi.Ids;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads an {@code x-amazon-apigateway-authorizer} of a security scheme into an {@link Authorizer}. */
final class AuthorizerReader {
  private static final Map<String, String> TYPES =
      Map.of("token", "TOKEN", "request", "REQUEST", "cognito_user_pools", "COGNITO_USER_POOLS");
  private static final Set<String> FIELDS = Set.of("type", "authorizerUri", "authorizerCredentials",
      "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs");
  private static final Set<String> HTTP_API_FIELDS =
      Set.of("jwtConfiguration", "authorizerPayloadFormatVersion", "enableSimpleResponses");
  private static final Pattern HEADER_SOURCE = Pattern.compile("method\\.request\\.header\\.[^\\s,]+");
  private static final Pattern REQUEST_SOURCE =
      Pattern.compile("(method\\.request\\.(header|querystring)\\.|stageVariables\\.|context\\.)[^\\s,]+");

  private final String apiId;
  private final FieldReader reader;
  private final Problems problems;

  AuthorizerReader(String apiId, FieldReader reader) {
    this.apiId = apiId;
    this.reader = reader;
    this.problems = reader.problems();
  }

  /**
   * The authorizer of scheme {@code name}, or null when it is not a REST API authorizer (reported).
   *
   * @param scheme the security scheme object (its {@code name} is the default token header)
   */
  Authorizer read(String name, Located scheme) {
    Located at = scheme.get(Extensions.AUTHORIZER);
    if (!reader.object(at)) {
      return null;
    }
    for (Map.Entry<String, Located> field : at.fields()) {
      if (HTTP_API_FIELDS.contains(field.getKey())) {
        problems.warning(field.getValue(), field.getKey() + " applies to HTTP API authorizers only; ignored");
      } else if (!FIELDS.contains(field.getKey())) {
        problems.warning(field.getValue(), "Unknown authorizer property " + field.getKey() + "; ignored");
      }
    }
    String type = type(at);
    String authorizerUri = reader.text(at.get("authorizerUri"));
    List<String> providerArns = reader.stringList(at.get("providerARNs"));
    String validation = reader.text(at.get("identityValidationExpression"));
    if (validation != null) {
      try {
        Pattern.compile(validation);
      } catch (PatternSyntaxException e) {
        problems.error(at.get("identityValidationExpression"), "Not a valid regular expression: "
            + e.getDescription());
      }
    }
    String credentials = reader.text(at.get("authorizerCredentials"));
    Integer ttl = reader.integer(at.get("authorizerResultTtlInSeconds"), 0, 3600);
    if (type == null) {
      return null;
    }
    if (!type.equals("COGNITO_USER_POOLS") && !at.get("authorizerUri").exists()) {
      problems.error(at, "authorizerUri is required for " + type + " authorizers");
    }
    if (type.equals("COGNITO_USER_POOLS") && providerArns.isEmpty()) {
      problems.error(at, "providerARNs (the user pool ARNs) is required for COGNITO_USER_POOLS authorizers");
    }
    return new Authorizer(Ids.derive(10, apiId, "authorizer", name), name, type, providerArns,
        reader.text(scheme.get(Extensions.AUTHTYPE)), authorizerUri, credentials, identitySource(type, at, scheme),
        validation, ttl);
  }

  private String type(Located authorizer) {
    Located at = authorizer.get("type");
    String value = reader.required(authorizer, "type", " (token, request or cognito_user_pools)");
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("jwt")) {
      problems.warning(at, "JWT authorizers apply to HTTP APIs only; the scheme is ignored");
      return null;
    }
    String type = TYPES.get(lower);
    if (type == null) {
      problems.error(at, "type must be token, request or cognito_user_pools, not '" + value + "'");
    }
    return type;
  }

  /** TOKEN and Cognito authorizers read one header, by default the scheme's {@code name}. */
  private String identitySource(String type, Located authorizer, Located scheme) {
    Located at = authorizer.get("identitySource");
    String source = reader.text(at);
    if (type.equals("REQUEST")) {
      if (source != null) {
        for (String part : source.split(",")) {
          if (!REQUEST_SOURCE.matcher(part.strip()).matches()) {
            problems.error(at, "'" + part.strip() + "' is not an identity source: use method.request.header.X, "
                + "method.request.querystring.X, stageVariables.X or context.X (path parameters cannot be used)");
          }
        }
      }
      return source;
    }
    if (source == null) {
      String header = reader.text(scheme.get("name"));
      if (header == null) {
        problems.error(authorizer, "identitySource is required when the security scheme has no name");
        return null;
      }
      return "method.request.header." + header;
    }
    if (!HEADER_SOURCE.matcher(source).matches()) {
      problems.error(at, type + " authorizers read exactly one header: identitySource must be "
          + "method.request.header.{name}, not '" + source + "'");
    }
    return source;
  }
}
