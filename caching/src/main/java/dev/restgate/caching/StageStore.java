package dev.restgate.caching;

import java.time.Duration;

/**
 * The entries of one stage's cache. Thread-safe. A store that cannot be reached answers every lookup as a miss and
 * drops what it is given (caching is best effort, as on AWS); it says so in the log once per outage.
 */
interface StageStore {

  /** The entry under {@code key}, or null when there is none or it has expired. */
  CachedResponse get(String key);

  /** Stores {@code response} under {@code key} for {@code ttl}, replacing any entry. */
  void put(String key, CachedResponse response, Duration ttl);

  /** Removes every entry. */
  void flush();
}
