/**
 * API keys, usage plans, stage and method throttles and quotas on Bucket4j (local, Redis, PostgreSQL). Not built
 * yet: the runtime comes with its own issue; the configuration format is already settled.
 */
package dev.restgate.throttling;
