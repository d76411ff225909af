package dev.restgate.authorizers.jwt;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a method's {@code COGNITO_USER_POOLS} authorizer asks of a token. Immutable.
 *
 * @param issuer the exact {@code iss}, e.g. {@code https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123}
 * @param jwksUri where the issuer publishes its signing keys, e.g. the issuer followed by
 *     {@code /.well-known/jwks.json}
 * @param scopes the method's {@code authorizationScopes}: empty asks for an ID token, otherwise for an access token
 *     with at least one of them in its {@code scope}
 * @param audiencePattern the authorizer's {@code identityValidationExpression}, which {@code aud} must match whole, or
 *     null for none
 */
public record TokenRules(String issuer, URI jwksUri, List<String> scopes, Pattern audiencePattern) {
  /** @throws NullPointerException when {@code issuer} or {@code jwksUri} is null */
  public TokenRules {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }
}
