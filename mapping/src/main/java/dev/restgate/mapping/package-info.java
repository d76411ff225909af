/**
 * Non-proxy integrations: request templates chosen by {@code Content-Type} with API Gateway's passthrough rules,
 * integration responses selected by status, response parameters and templates, {@code $context.responseOverride},
 * and the {@code MOCK} and {@code HTTP} integrations. The {@code AWS} (Lambda) non-proxy integration and request
 * validation are still to come. Templates run on {@link dev.restgate.mapping.template.VtlTemplate}.
 */
package dev.restgate.mapping;
