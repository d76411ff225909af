/**
 * SigV4 verification with IAM-style policies, Lambda TOKEN and REQUEST authorizers, and Cognito-style JWTs checked
 * against a JWKS. So far the module reads its part of the configuration ({@code identities}); its plugins come with
 * the access-control issue, and until then methods that require authorization answer 500 (fail closed).
 */
package dev.restgate.authorizers;
