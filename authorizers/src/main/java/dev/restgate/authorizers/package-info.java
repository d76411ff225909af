/**
 * SigV4 verification with IAM-style policies, Lambda TOKEN and REQUEST authorizers, and Cognito-style JWTs checked
 * against a JWKS. Not built yet: the runtime comes with its own issue; the model already carries authorizer
 * configuration.
 */
package dev.restgate.authorizers;
