/**
 * API keys, usage plans, stage and method throttles, the account-level throttle and quotas on Bucket4j (in memory,
 * Redis or PostgreSQL), with usage records per key and day. Public: the configuration records, the module, the two
 * plugin factories and {@link dev.restgate.throttling.UsageReports}.
 */
package dev.restgate.throttling;
