/**
 * API keys, usage plans, stage and method throttles, the account-level throttle and quotas on Bucket4j (in memory,
 * Redis or PostgreSQL), with usage records per key and day. Public: the configuration records, the module and the
 * two plugin factories; keys, plans and usage reports reach other modules as the SPI's
 * {@link dev.restgate.spi.UsagePlanDirectory}.
 */
package dev.restgate.throttling;
