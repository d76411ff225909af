package dev.restgate.throttling;

import dev.restgate.model.QuotaSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The calendar window a quota counts in, in UTC: a day; a week starting on the weekday {@code offset} names
 * (0 = Sunday); a month starting on day {@code offset + 1}. A request belongs to the window its arrival falls in.
 */
record QuotaWindow(LocalDate start, LocalDate end) {

  /** The last offset a period allows. */
  static int maxOffset(String period) {
    return switch (period) {
      case "WEEK" -> 6;
      case "MONTH" -> 27;
      default -> 0;
    };
  }

  static String offsetRule(String period) {
    return switch (period) {
      case "WEEK" -> "0 (Sunday) to 6 (Saturday)";
      case "MONTH" -> "0 (the 1st) to 27 (the 28th)";
      default -> "0 for a DAY quota";
    };
  }

  /** The window of {@code quota} that {@code day} falls in. */
  static QuotaWindow of(QuotaSettings quota, LocalDate day) {
    int offset = quota.offset() == null ? 0 : quota.offset();
    return switch (quota.period()) {
      case "WEEK" -> {
        int sundayBased = day.getDayOfWeek().getValue() % 7;
        LocalDate start = day.minusDays(Math.floorMod(sundayBased - offset, 7));
        yield new QuotaWindow(start, start.plusWeeks(1));
      }
      case "MONTH" -> {
        LocalDate start = day.getDayOfMonth() > offset ? day.withDayOfMonth(offset + 1)
            : day.minusMonths(1).withDayOfMonth(offset + 1);
        yield new QuotaWindow(start, start.plusMonths(1));
      }
      default -> new QuotaWindow(day, day.plusDays(1));
    };
  }

  static QuotaWindow of(QuotaSettings quota, Instant instant) {
    return of(quota, LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  Instant startInstant() {
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** How long a window of this period may last at most: the refill period of its bucket, so it never refills. */
  static Duration longest(String period) {
    return switch (period) {
      case "WEEK" -> Duration.ofDays(7);
      case "MONTH" -> Duration.ofDays(31);
      default -> Duration.ofDays(1);
    };
  }
}
