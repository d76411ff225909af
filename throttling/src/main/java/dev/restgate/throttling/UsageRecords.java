package dev.restgate.throttling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests each API key makes through each usage plan per UTC day. Requests are counted in memory and
 * added to the {@link UsageStore} by {@link #flush}, which the module runs every {@value #FLUSH_SECONDS} seconds and
 * when the gateway stops: a clean stop loses nothing, a crash at most the last interval. Counts a store refused
 * stay in memory for the next flush.
 */
final class UsageRecords implements AutoCloseable {
  static final int FLUSH_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(UsageRecords.class);

  private final UsageStore store;
  private final BackendHealth health;
  private final Clock clock;
  private final Map<UsageKey, AtomicLong> pending = new ConcurrentHashMap<>();
  /** The counts a flush is adding to the store right now, still counted by {@link #read}. */
  private volatile Map<UsageKey, Long> inFlight = Map.of();

  UsageRecords(UsageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.health = new BackendHealth("The usage record store at " + store.location(),
        "usage counts are kept in memory", clock);
  }

  void record(String usagePlanId, String keyId, LocalDate day) {
    pending.computeIfAbsent(new UsageKey(usagePlanId, keyId, day), k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * The requests of one key through one plan in the days from {@code from} to {@code to}, counted and stored.
   *
   * @throws Exception when the store cannot be read
   */
  long used(String usagePlanId, String keyId, LocalDate from, LocalDate to) throws Exception {
    long used = 0;
    for (long count : read(usagePlanId, keyId, from, to).values()) {
      used += count;
    }
    return used;
  }

  /** The counts per key and day of one plan (one key's when {@code keyId} is set), stored and not yet stored. */
  Map<UsageKey, Long> read(String usagePlanId, String keyId, LocalDate from, LocalDate to) throws Exception {
    Map<UsageKey, Long> counts = new HashMap<>(store.read(usagePlanId, keyId, from, to));
    inFlight.forEach((key, count) -> {
      if (matches(key, usagePlanId, keyId, from, to)) {
        counts.merge(key, count, Long::sum);
      }
    });
    pending.forEach((key, count) -> {
      if (matches(key, usagePlanId, keyId, from, to) && count.get() > 0) {
        counts.merge(key, count.get(), Long::sum);
      }
    });
    return counts;
  }

  private static boolean matches(UsageKey key, String usagePlanId, String keyId, LocalDate from, LocalDate to) {
    return key.usagePlanId().equals(usagePlanId) && (keyId == null || key.keyId().equals(keyId))
        && !key.day().isBefore(from) && !key.day().isAfter(to);
  }

  /** Adds what was counted since the last flush to the store. */
  synchronized void flush() {
    Map<UsageKey, Long> deltas = new HashMap<>();
    pending.forEach((key, count) -> {
      long taken = count.getAndSet(0);
      if (taken > 0) {
        deltas.put(key, taken);
      }
    });
    // Days before yesterday take no more requests, so their emptied counters can go without losing a count.
    LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    pending.entrySet().removeIf(entry -> entry.getKey().day().isBefore(yesterday) && entry.getValue().get() == 0);
    if (deltas.isEmpty()) {
      return;
    }
    inFlight = deltas;
    try {
      store.add(deltas);
      health.succeeded();
    } catch (Exception e) {
      deltas.forEach((key, count) -> pending.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(count));
      health.failed(e);
    } finally {
      inFlight = Map.of();
    }
  }

  @Override
  public void close() {
    flush();
    if (!pending.isEmpty() && pending.values().stream().anyMatch(count -> count.get() > 0)) {
      LOG.warn("Usage counts of {} key-days could not be stored in {} before the gateway stopped",
          pending.size(), store.location());
    }
    store.close();
  }
}
