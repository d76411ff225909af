package dev.restgate.throttling;

/**
 * What one API key did through one usage plan on one UTC day, or over several days.
 *
 * @param used the requests it made
 * @param granted the requests {@code UpdateUsage} added to what the key's quota had left; negative when it took
 *     requests away
 */
record UsageCount(long used, long granted) {
  static final UsageCount NONE = new UsageCount(0, 0);

  UsageCount plus(UsageCount other) {
    return new UsageCount(used + other.used, granted + other.granted);
  }

  /** What a quota of {@code limit} has left after these days: negative when the key used more than that. */
  long left(long limit) {
    return limit + granted - used;
  }
}
