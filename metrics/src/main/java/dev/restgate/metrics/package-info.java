/**
 * API Gateway's CloudWatch metrics, kept with Micrometer and served in Prometheus format at {@code /_metrics}: the
 * {@code metrics} section of {@code gateway.yaml}, the EDGE-phase plugin counting every method's requests, the
 * endpoint behind a bearer token.
 */
package dev.restgate.metrics;
