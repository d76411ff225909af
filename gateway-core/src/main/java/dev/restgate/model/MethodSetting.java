package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Per-method (or <code>*&#47;*</code>) settings of a stage: throttling, caching, logging, metrics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodSetting(
    Boolean metricsEnabled,
    String loggingLevel,
    Boolean dataTraceEnabled,
    Integer throttlingBurstLimit,
    Double throttlingRateLimit,
    Boolean cachingEnabled,
    Integer cacheTtlInSeconds,
    Boolean cacheDataEncrypted,
    Boolean requireAuthorizationForCacheControl,
    String unauthorizedCacheControlHeaderStrategy) {}
