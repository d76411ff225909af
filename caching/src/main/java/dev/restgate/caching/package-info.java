/**
 * Stage response caches, as AWS's stage cache clusters behave: a CACHE-phase plugin answers repeated requests from
 * the stage's cache, keyed by the integration's cache key parameters, and honours {@code Cache-Control: max-age=0}
 * as the method settings allow. Entries live in the gateway's memory (byte-weighted Caffeine, one cache per stage
 * sized by {@code cacheClusterSize}) or in Redis, where every gateway node shares them.
 */
package dev.restgate.caching;
