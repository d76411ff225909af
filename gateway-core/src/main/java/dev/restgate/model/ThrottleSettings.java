package dev.restgate.model;

/**
 * A token bucket: {@code rateLimit} requests per second refill a bucket of {@code burstLimit} requests.
 */
public record ThrottleSettings(Integer burstLimit, Double rateLimit) {}
