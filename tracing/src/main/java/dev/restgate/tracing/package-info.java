/**
 * Tracing with OpenTelemetry: the {@code tracing} section of {@code gateway.yaml}, the EDGE-phase plugin that traces
 * the requests of {@code tracingEnabled} stages (the request, its Lambda authorizer, its integration) and hands the
 * trace to backends as W3C {@code traceparent}, and the SDK exporting over OTLP/HTTP off the request path.
 */
package dev.restgate.tracing;
