package dev.restgate.openapi;

import dev.restgate.model.Authorizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document's security schemes and what a {@code security} requirement list means for a method: an
 * {@code x-api-key} header scheme requires an API key, an {@code awsSigv4} scheme means {@code AWS_IAM}, and a
 * scheme with {@code x-amazon-apigateway-authorizer} means that authorizer ({@code CUSTOM} or
 * {@code COGNITO_USER_POOLS}, with the requirement's scopes for Cognito). An undefined {@code NONE} scheme adds
 * nothing (SAM writes it for a method without an authorizer); any other undefined scheme is an error, so that a
 * protection that cannot be found never leaves a method open.
 */
final class SecuritySchemes {
  /** The requirement SAM writes for a function event with {@code Authorizer: NONE}, without defining it. */
  private static final String SAM_NONE = "NONE";
  /** A method's authorization fields. */
  record MethodAuth(String authorizationType, String authorizerId, boolean apiKeyRequired, List<String> scopes) {
    static final MethodAuth NONE = new MethodAuth("NONE", null, false, List.of());
  }

  private enum Kind { API_KEY, AWS_IAM, AUTHORIZER, IGNORED }

  private record Scheme(Kind kind, Authorizer authorizer) {}

  private final SpecVersion version;
  private final FieldReader reader;
  private final Problems problems;
  private final Map<String, Scheme> schemes = new LinkedHashMap<>();

  SecuritySchemes(String apiId, SpecVersion version, Located root, FieldReader reader) {
    this.version = version;
    this.reader = reader;
    this.problems = reader.problems();
    Located all = version.securitySchemes(root);
    if (reader.object(all)) {
      AuthorizerReader authorizers = new AuthorizerReader(apiId, reader);
      all.fields().forEach(field -> schemes.put(field.getKey(), read(field.getKey(), field.getValue(), authorizers)));
    }
  }

  /** The authorizers of all schemes that define one, in document order. */
  List<Authorizer> authorizers() {
    List<Authorizer> authorizers = new ArrayList<>();
    schemes.values().stream().filter(s -> s.kind == Kind.AUTHORIZER).forEach(s -> authorizers.add(s.authorizer));
    return authorizers;
  }

  /** What a {@code security} array (absent: none) requires of a method. */
  MethodAuth resolve(Located security) {
    if (!security.exists()) {
      return MethodAuth.NONE;
    }
    if (!security.node().isArray()) {
      problems.error(security, "must be an array of security requirements");
      return MethodAuth.NONE;
    }
    MethodAuth auth = MethodAuth.NONE;
    String chosen = null;
    boolean apiKey = false;
    for (Located requirement : security.elements()) {
      if (!reader.object(requirement)) {
        continue;
      }
      for (Map.Entry<String, Located> field : requirement.fields()) {
        String name = field.getKey();
        Scheme scheme = schemes.get(name);
        if (scheme == null && name.equals(SAM_NONE)) {
          problems.warning(field.getValue(), "Security scheme '" + name + "' is not defined in "
              + version.securitySchemesName() + "; the method gets no authorization from it");
          continue;
        }
        if (scheme == null) {
          problems.error(field.getValue(), "Security scheme '" + name + "' is not defined in "
              + version.securitySchemesName() + ": define it, or remove the requirement (a method is never served "
              + "open because its protection cannot be found)");
          continue;
        }
        List<String> scopes = reader.stringList(field.getValue());
        boolean cognito = scheme.kind == Kind.AUTHORIZER && scheme.authorizer.type().equals("COGNITO_USER_POOLS");
        if (!scopes.isEmpty() && !cognito) {
          problems.warning(field.getValue(), "Scopes apply to Cognito user pool authorizers only; ignored");
        }
        if (scheme.kind == Kind.API_KEY) {
          apiKey = true;
        } else if (scheme.kind != Kind.IGNORED && chosen != null && !chosen.equals(name)) {
          problems.warning(field.getValue(), "A method has one authorization: '" + chosen + "' applies and '" + name
              + "' is ignored");
        } else if (scheme.kind == Kind.AWS_IAM) {
          chosen = name;
          auth = new MethodAuth("AWS_IAM", null, false, List.of());
        } else if (scheme.kind == Kind.AUTHORIZER) {
          chosen = name;
          auth = new MethodAuth(cognito ? "COGNITO_USER_POOLS" : "CUSTOM", scheme.authorizer.id(), false,
              cognito ? scopes : List.of());
        }
      }
    }
    return new MethodAuth(auth.authorizationType(), auth.authorizerId(), apiKey, auth.scopes());
  }

  private Scheme read(String name, Located scheme, AuthorizerReader authorizers) {
    if (!reader.object(scheme)) {
      return new Scheme(Kind.IGNORED, null);
    }
    Extensions.warnIgnored(scheme, Set.of(Extensions.AUTHORIZER, Extensions.AUTHTYPE), "a security scheme",
        problems);
    String authType = reader.text(scheme.get(Extensions.AUTHTYPE));
    if (scheme.get(Extensions.AUTHORIZER).exists()) {
      Authorizer authorizer = authorizers.read(name, scheme);
      return new Scheme(authorizer == null ? Kind.IGNORED : Kind.AUTHORIZER, authorizer);
    }
    if ("awsSigv4".equalsIgnoreCase(authType)) {
      return new Scheme(Kind.AWS_IAM, null);
    }
    if ("apiKey".equals(scheme.node().path("type").asText()) && "header".equals(scheme.node().path("in").asText())
        && "x-api-key".equalsIgnoreCase(scheme.node().path("name").asText())) {
      return new Scheme(Kind.API_KEY, null);
    }
    problems.warning(scheme, "Security scheme '" + name + "' is neither an API key (apiKey in header x-api-key), "
        + "an awsSigv4 scheme nor a scheme with " + Extensions.AUTHORIZER + "; methods get no authorization from it");
    return new Scheme(Kind.IGNORED, null);
  }
}
