/**
 * The gateway's model: immutable records with the field names of the Amazon API Gateway REST API JSON
 * ({@code restApis}, {@code stageName}, {@code methodSettings}, {@code usagePlans}, ...), bound with Jackson.
 *
 * <p>Every door into the gateway (the declarative {@code gateway.yaml}, OpenAPI import, a control plane) produces
 * these records; the runtime compiles them into deployments and never reads configuration from anywhere else.
 * Collections in the records are never {@code null}: an absent collection is empty, and maps keep the order in
 * which their entries were defined (integration responses and templates are matched in that order).
 */
package dev.restgate.model;
