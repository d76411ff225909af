package dev.restgate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of API Gateway's CloudWatch metrics, under Prometheus-legal names that keep AWS's recognisable
 * ({@code Count} is {@code apigateway.count}, exposed as {@code apigateway_count_total}). Lives as long as the
 * gateway, so counts survive configuration swaps; each configuration's plugins look their meters up once, when they
 * are built. Thread-safe.
 */
final class GatewayMeters {
  static final String COUNT = "apigateway.count";
  static final String CLIENT_ERRORS = "apigateway.4xxerror";
  static final String SERVER_ERRORS = "apigateway.5xxerror";
  static final String LATENCY = "apigateway.latency";
  static final String INTEGRATION_LATENCY = "apigateway.integrationlatency";
  static final String CACHE_HITS = "apigateway.cachehitcount";
  static final String CACHE_MISSES = "apigateway.cachemisscount";

  /** Histogram buckets in milliseconds, up to past the 29 s integration limit. */
  static final double[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000};

  private final MeterRegistry registry;

  GatewayMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The meters of one method's requests under {@code tags} (AWS's dimensions); methods with equal tags share them,
   * as AWS adds up a stage's methods.
   *
   * @param cached whether the stage has a cache, so that its hits and misses are counted
   */
  MethodMeters method(Tags tags, boolean cached) {
    return new MethodMeters(
        counter(COUNT, "Count: requests", tags),
        counter(CLIENT_ERRORS, "4XXError: requests answered with a 4xx status", tags),
        counter(SERVER_ERRORS, "5XXError: requests answered with a 5xx status", tags),
        histogram(LATENCY, "Latency: from the request's arrival at its method to the end of its response", tags),
        histogram(INTEGRATION_LATENCY, "IntegrationLatency: from the call of the integration to its answer", tags),
        cached ? counter(CACHE_HITS, "CacheHitCount: requests answered from the stage cache", tags) : null,
        cached ? counter(CACHE_MISSES, "CacheMissCount: requests the stage cache sent to the integration", tags)
            : null);
  }

  private Counter counter(String name, String description, Tags tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private DistributionSummary histogram(String name, String description, Tags tags) {
    return DistributionSummary.builder(name).description(description).baseUnit("milliseconds").tags(tags)
        .serviceLevelObjectives(BUCKETS_MS).register(registry);
  }
}
