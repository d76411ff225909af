package dev.restgate.tracing;

import java.net.URI;
import java.util.Map;

/**
 * The {@code tracing} section of {@code gateway.yaml}: without it no span is made and nothing is exported.
 *
 * @param endpoint where spans are sent over OTLP/HTTP (protobuf), the full URL ({@code .../v1/traces})
 * @param serviceName the {@code service.name} of the spans' resource
 * @param sampleRatio the share of new traces recorded, 0 to 1; a request carrying a {@code traceparent} follows its
 *     caller's decision
 * @param headers sent with every export (an API key of a hosted collector)
 */
public record TracingConfig(URI endpoint, String serviceName, double sampleRatio, Map<String, String> headers) {

  public TracingConfig {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    // Header values are often credentials.
    return "TracingConfig[endpoint=" + endpoint + ", serviceName=" + serviceName + ", sampleRatio=" + sampleRatio
        + ", headers=" + headers.keySet() + "]";
  }
}
