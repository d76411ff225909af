/**
 * Access control: the {@code AUTHORIZE}-phase plugin that checks each method's caller ({@code AWS_IAM}, Lambda
 * {@code TOKEN} and {@code REQUEST} authorizers, {@code COGNITO_USER_POOLS}, the API's resource policy), the module
 * that compiles the {@code identities} and {@code cognito} sections for each configuration, and the check of signed
 * calls to service endpoints. Every failure refuses the request.
 */
package dev.restgate.authorizers;
