/**
 * JWTs checked the way an Amazon API Gateway {@code COGNITO_USER_POOLS} authorizer checks them: {@link
 * dev.restgate.authorizers.jwt.JwtVerifier} against the signing keys that a long-lived {@link
 * dev.restgate.authorizers.jwt.JwksCache} keeps for each JWKS URI.
 */
package dev.restgate.authorizers.jwt;
