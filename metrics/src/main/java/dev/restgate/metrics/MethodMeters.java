package dev.restgate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;

/**
 * The meters one method's requests count in, looked up once when its plugin is built.
 *
 * @param cacheHits null when the stage has no cache (and so {@code cacheMisses} too)
 */
record MethodMeters(Counter count, Counter clientErrors, Counter serverErrors, DistributionSummary latency,
    DistributionSummary integrationLatency, Counter cacheHits, Counter cacheMisses) {}
