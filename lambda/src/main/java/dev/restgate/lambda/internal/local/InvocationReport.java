package dev.restgate.lambda.internal.local;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** What both runtimes write to a function's log as AWS writes it: REPORT lines, the timeout notice, stream names. */
public final class InvocationReport {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter STREAM_DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private InvocationReport() {}

  /** A new log stream's name as AWS forms it: {@code 2026/03/01/[$LATEST]<32 hex digits>}, with the version. */
  public static String logStreamName(String version, Instant now) {
    return STREAM_DAY.format(now) + "/[" + version + "]" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * {@code REPORT RequestId: ... Duration: ... Max Memory Used: ... [Init Duration: ...] [Status: timeout]}.
   *
   * @param initDuration the function's init, on the cold start's report only; null otherwise
   */
  public static String report(String requestId, Duration duration, int memorySize, long maxMemoryUsedMb,
      Duration initDuration, boolean timedOut) {
    double millis = duration.toNanos() / 1_000_000.0;
    StringBuilder report = new StringBuilder("REPORT RequestId: ").append(requestId).append('\t')
        .append(String.format(Locale.ROOT, "Duration: %.2f ms\t", millis))
        .append("Billed Duration: ").append(Math.max(1, (long) Math.ceil(millis))).append(" ms\t")
        .append("Memory Size: ").append(memorySize).append(" MB\t")
        .append("Max Memory Used: ").append(Math.max(0, maxMemoryUsedMb)).append(" MB\t");
    if (initDuration != null) {
      report.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", initDuration.toNanos() / 1_000_000.0));
    }
    if (timedOut) {
      report.append("Status: timeout\t");
    }
    return report.toString();
  }

  /** {@code 2026-03-01T10:00:03.000Z <id> Task timed out after 3.00 seconds}. */
  public static String timedOut(Instant now, String requestId, int timeoutSeconds) {
    return LOG_TIME.format(now) + " " + requestId + " Task timed out after " + timeoutSeconds + ".00 seconds";
  }
}
