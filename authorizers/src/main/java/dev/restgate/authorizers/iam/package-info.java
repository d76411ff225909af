/**
 * IAM policies: identity policies, API resource policies and the policies Lambda authorizers return, compiled once
 * into immutable matchers and evaluated per request (explicit deny, allow, implicit deny), with IAM's wildcards and
 * the condition operators users write for API Gateway.
 */
package dev.restgate.authorizers.iam;
