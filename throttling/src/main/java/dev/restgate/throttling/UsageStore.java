package dev.restgate.throttling;

import java.time.LocalDate;
import java.util.Map;

/** Where daily usage is kept durably: files under the data directory, or PostgreSQL. */
interface UsageStore extends AutoCloseable {

  /** Adds {@code deltas} to the stored counts, all or nothing. */
  void add(Map<UsageKey, UsageCount> deltas) throws Exception;

  /** The stored counts of {@code usagePlanId} (one key's, or every key's when {@code keyId} is null) in the days. */
  Map<UsageKey, UsageCount> read(String usagePlanId, String keyId, LocalDate from, LocalDate to) throws Exception;

  /** Where, for logs. */
  String location();

  @Override
  void close();
}
