/**
 * VTL mapping templates ({@code $input}, {@code $util}, {@code $context}, {@code $stageVariables}), parameter
 * mappings, integration responses, passthrough rules, request validation and the non-proxy integrations ({@code HTTP},
 * {@code AWS}, {@code MOCK}). Not built yet: the runtime of these features comes with its own issue; the model already
 * carries their configuration.
 */
package dev.restgate.mapping;
