package dev.restgate.throttling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests each API key makes through each usage plan per UTC day, and the requests {@code UpdateUsage}
 * granted or took away. Both are counted in memory and added to the {@link UsageStore} by {@link #flush}, which the
 * module runs every {@value #FLUSH_SECONDS} seconds and when the gateway stops: a clean stop loses nothing, a crash
 * at most the last interval. Counts a store refused stay in memory for the next flush.
 */
final class UsageRecords implements AutoCloseable {
  static final int FLUSH_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(UsageRecords.class);

  private final UsageStore store;
  private final BackendHealth health;
  private final Clock clock;
  private final Map<UsageKey, AtomicLong> pending = new ConcurrentHashMap<>();
  /** What {@code UpdateUsage} granted since the last flush: apart from the requests, whose counting is hot. */
  private final Map<UsageKey, AtomicLong> pendingGrants = new ConcurrentHashMap<>();
  /** The counts a flush is adding to the store right now, still counted by {@link #read}. */
  private volatile Map<UsageKey, UsageCount> inFlight = Map.of();

  UsageRecords(UsageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.health = new BackendHealth("The usage record store at " + store.location(),
        "usage counts are kept in memory", clock);
  }

  void record(String usagePlanId, String keyId, LocalDate day) {
    pending.computeIfAbsent(new UsageKey(usagePlanId, keyId, day), k -> new AtomicLong()).incrementAndGet();
  }

  /** Adds {@code requests} (negative to take them away) to what the key's quota has left, on {@code day}. */
  void grant(String usagePlanId, String keyId, LocalDate day, long requests) {
    pendingGrants.computeIfAbsent(new UsageKey(usagePlanId, keyId, day), k -> new AtomicLong()).addAndGet(requests);
  }

  /**
   * The requests of one key through one plan in the days from {@code from} to {@code to}, and what was granted it,
   * counted and stored.
   *
   * @throws Exception when the store cannot be read
   */
  UsageCount total(String usagePlanId, String keyId, LocalDate from, LocalDate to) throws Exception {
    return read(usagePlanId, keyId, from, to).values().stream().reduce(UsageCount.NONE, UsageCount::plus);
  }

  /** The counts per key and day of one plan (one key's when {@code keyId} is set), stored and not yet stored. */
  Map<UsageKey, UsageCount> read(String usagePlanId, String keyId, LocalDate from, LocalDate to) throws Exception {
    Map<UsageKey, UsageCount> counts = new HashMap<>(store.read(usagePlanId, keyId, from, to));
    inFlight.forEach((key, count) -> {
      if (matches(key, usagePlanId, keyId, from, to)) {
        counts.merge(key, count, UsageCount::plus);
      }
    });
    unflushed().forEach((key, count) -> {
      if (matches(key, usagePlanId, keyId, from, to)) {
        counts.merge(key, count, UsageCount::plus);
      }
    });
    return counts;
  }

  /** What was counted and granted since the last flush, without taking it. */
  private Map<UsageKey, UsageCount> unflushed() {
    Map<UsageKey, UsageCount> counts = new HashMap<>();
    pending.forEach((key, count) -> {
      if (count.get() > 0) {
        counts.merge(key, new UsageCount(count.get(), 0), UsageCount::plus);
      }
    });
    pendingGrants.forEach((key, granted) -> {
      if (granted.get() != 0) {
        counts.merge(key, new UsageCount(0, granted.get()), UsageCount::plus);
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
    Map<UsageKey, UsageCount> deltas = new HashMap<>();
    take(pending, deltas, used -> new UsageCount(used, 0));
    take(pendingGrants, deltas, granted -> new UsageCount(0, granted));
    if (deltas.isEmpty()) {
      return;
    }
    inFlight = deltas;
    try {
      store.add(deltas);
      health.succeeded();
    } catch (Exception e) {
      deltas.forEach((key, count) -> {
        putBack(pending, key, count.used());
        putBack(pendingGrants, key, count.granted());
      });
      health.failed(e);
    } finally {
      inFlight = Map.of();
    }
  }

  /** Moves the counters' values into {@code deltas}, and drops emptied counters of days that are over. */
  private void take(Map<UsageKey, AtomicLong> counters, Map<UsageKey, UsageCount> deltas,
      LongFunction<UsageCount> count) {
    counters.forEach((key, counter) -> {
      long taken = counter.getAndSet(0);
      if (taken != 0) {
        deltas.merge(key, count.apply(taken), UsageCount::plus);
      }
    });
    // Days before yesterday take no more requests, so their emptied counters can go without losing a count.
    LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    counters.entrySet().removeIf(entry -> entry.getKey().day().isBefore(yesterday) && entry.getValue().get() == 0);
  }

  private static void putBack(Map<UsageKey, AtomicLong> counters, UsageKey key, long count) {
    if (count != 0) {
      counters.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(count);
    }
  }

  @Override
  public void close() {
    flush();
    Map<UsageKey, UsageCount> unstored = unflushed();
    if (!unstored.isEmpty()) {
      LOG.warn("Usage counts of {} key-days could not be stored in {} before the gateway stopped",
          unstored.size(), store.location());
    }
    store.close();
  }
}
