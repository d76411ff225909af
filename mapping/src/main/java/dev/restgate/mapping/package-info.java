/**
 * Non-proxy integrations: request templates chosen by {@code Content-Type} with API Gateway's passthrough rules,
 * integration responses selected by status (a Lambda function's {@code errorMessage}), response parameters and
 * templates, {@code $context.responseOverride}; the {@code MOCK}, {@code HTTP} and Lambda ({@code AWS})
 * integrations; request validation. Templates run on {@link dev.restgate.mapping.template.VtlTemplate}.
 */
package dev.restgate.mapping;
