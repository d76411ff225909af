package dev.restgate.metrics;

import dev.restgate.spi.ApiKeyInUse;
import dev.restgate.spi.OutboundHttpStats;
import dev.restgate.spi.RateLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToIntFunction;

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
  static final String THROTTLED = "apigateway.throttled";
  static final String QUOTA_EXCEEDED = "apigateway.quotaexceeded";
  static final String AUTHORIZER_INVOCATIONS = "apigateway.authorizer.invocations";
  static final String AUTHORIZER_CACHE_HITS = "apigateway.authorizer.cachehits";
  static final String HTTP_CLIENT_CONNECTIONS = "apigateway.httpclient.connections";
  static final String HTTP_CLIENT_QUEUED = "apigateway.httpclient.queued.requests";
  static final String HTTP_CLIENT_DESTINATIONS = "apigateway.httpclient.destinations";
  /** The {@code ApiKeyId} and {@code UsagePlanId} of a request that had no API key. */
  static final String NONE = "-";

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

  /**
   * The count of requests of a stage ({@code stageTags}) a throttle refused, by usage plan, key and limit.
   *
   * @param key the key the request presented, or null
   * @param limit the limit that refused it, or null when the refusal named none
   */
  Counter throttled(Tags stageTags, ApiKeyInUse key, RateLimit limit) {
    return counter(THROTTLED, "Requests refused with 429 Too Many Requests by a throttle",
        keyTags(stageTags, key).and("Limit", limitName(limit)));
  }

  /** The count of requests of a stage a usage plan's quota refused, by usage plan and key. */
  Counter quotaExceeded(Tags stageTags, ApiKeyInUse key) {
    return counter(QUOTA_EXCEEDED, "Requests refused with 429 Limit Exceeded by a usage plan's quota",
        keyTags(stageTags, key));
  }

  /** The count of a stage's requests for which the Lambda authorizer {@code authorizer} invoked its function. */
  Counter authorizerInvocations(Tags stageTags, String authorizer) {
    return counter(AUTHORIZER_INVOCATIONS, "Requests a Lambda authorizer decided by invoking its function",
        stageTags.and("Authorizer", authorizer));
  }

  /** The count of a stage's requests the Lambda authorizer {@code authorizer} decided from its result cache. */
  Counter authorizerCacheHits(Tags stageTags, String authorizer) {
    return counter(AUTHORIZER_CACHE_HITS, "Requests a Lambda authorizer decided from its result cache",
        stageTags.and("Authorizer", authorizer));
  }

  /** Gauges of the outbound HTTP client's connection pools, added up over destinations; registered once. */
  void bindHttpClient(OutboundHttpStats stats) {
    connections(stats, "active", OutboundHttpStats.Connections::active);
    connections(stats, "idle", OutboundHttpStats.Connections::idle);
    connections(stats, "pending", OutboundHttpStats.Connections::pending);
    connections(stats, "max", OutboundHttpStats.Connections::max);
    Gauge.builder(HTTP_CLIENT_QUEUED, stats, s -> s.connections().queuedRequests()).strongReference(true)
        .description("Outbound requests waiting for a connection").register(registry);
    Gauge.builder(HTTP_CLIENT_DESTINATIONS, stats, s -> s.connections().destinations()).strongReference(true)
        .description("Backends (scheme, host, port) the outbound client keeps a pool for").register(registry);
  }

  private void connections(OutboundHttpStats stats, String state,
      ToIntFunction<OutboundHttpStats.Connections> value) {
    Gauge.builder(HTTP_CLIENT_CONNECTIONS, stats, s -> value.applyAsInt(s.connections())).strongReference(true)
        .description("Connections of the outbound HTTP client's pools over every backend, by state: active (carrying"
            + " an exchange), idle, pending (being opened), max (the most the pools may hold)")
        .tag("state", state).register(registry);
  }

  private static Tags keyTags(Tags stageTags, ApiKeyInUse key) {
    return stageTags.and("UsagePlanId", key == null ? NONE : key.usagePlanId(),
        "ApiKeyId", key == null ? NONE : key.keyId());
  }

  private static String limitName(RateLimit limit) {
    if (limit == null) {
      return "Unknown";
    }
    return switch (limit) {
      case USAGE_PLAN_THROTTLE, USAGE_PLAN_QUOTA -> "UsagePlan";
      case METHOD_THROTTLE -> "Method";
      case ACCOUNT_THROTTLE -> "Account";
    };
  }

  private Counter counter(String name, String description, Tags tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private DistributionSummary histogram(String name, String description, Tags tags) {
    return DistributionSummary.builder(name).description(description).baseUnit("milliseconds").tags(tags)
        .serviceLevelObjectives(BUCKETS_MS).register(registry);
  }
}
