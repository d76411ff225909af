package dev.restgate.lambda.internal.local;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;

/**
 * The meters of one local function version, in Micrometer's global registry: Lambda's own metrics (invocations by
 * outcome, duration, throttles) and cold starts with their init duration. Built once per function version. The
 * module knows no metrics backend: whoever serves metrics adds its registry to {@link Metrics#globalRegistry} (the
 * {@code metrics} module does, while its section is configured); until then the global composite has no registries
 * and recording is a few no-op calls. Thread-safe.
 */
public final class FunctionMeters {
  /** Histogram buckets in milliseconds, up to past Lambda's 15 minute limit. */
  static final double[] BUCKETS_MS = {1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
      300000, 900000};
  static final String SUCCESS = "Success";
  static final String ERROR = "Error";
  static final String TIMEOUT = "Timeout";

  private final Counter successes;
  private final Counter errors;
  private final Counter timeouts;
  private final Counter throttles;
  private final Counter coldStarts;
  private final DistributionSummary duration;
  private final DistributionSummary initDuration;

  private FunctionMeters(MeterRegistry registry, String functionName, String version) {
    Tags tags = Tags.of("FunctionName", functionName, "Version", version);
    this.successes = invocations(registry, tags, SUCCESS);
    this.errors = invocations(registry, tags, ERROR);
    this.timeouts = invocations(registry, tags, TIMEOUT);
    this.throttles = Counter.builder("lambda.throttles")
        .description("Invocations refused because the function ran as many as it may at once").tags(tags)
        .register(registry);
    this.coldStarts = Counter.builder("lambda.coldstarts")
        .description("Invocations that started an execution environment (its init ran first)").tags(tags)
        .register(registry);
    this.duration = DistributionSummary.builder("lambda.duration")
        .description("How long the function's handler ran, as the REPORT line's Duration").baseUnit("milliseconds")
        .tags(tags).serviceLevelObjectives(BUCKETS_MS).register(registry);
    this.initDuration = DistributionSummary.builder("lambda.initduration")
        .description("How long a cold start's init took, as the REPORT line's Init Duration")
        .baseUnit("milliseconds").tags(tags).serviceLevelObjectives(BUCKETS_MS).register(registry);
  }

  /** The meters of {@code functionName} at {@code version} in the global registry. */
  public static FunctionMeters of(String functionName, String version) {
    return new FunctionMeters(Metrics.globalRegistry, functionName, version);
  }

  private static Counter invocations(MeterRegistry registry, Tags tags, String outcome) {
    return Counter.builder("lambda.invocations")
        .description("Invocations that ran, by outcome: Success, Error (the function failed) or Timeout")
        .tags(tags).tag("Outcome", outcome).register(registry);
  }

  /**
   * Records an invocation that ran to its end.
   *
   * @param functionError null for success, else {@code Unhandled} or {@code Handled}
   * @param init the init of the execution environment, on a cold start; null on a warm one
   * @param coldStart whether the invocation was the first of its execution environment
   */
  public void invoked(Duration ran, String functionError, boolean timedOut, boolean coldStart, Duration init) {
    (timedOut ? timeouts : functionError != null ? errors : successes).increment();
    duration.record(ran.toNanos() / 1_000_000.0);
    if (coldStart) {
      coldStarts.increment();
      if (init != null) {
        initDuration.record(init.toNanos() / 1_000_000.0);
      }
    }
  }

  /** Records an invocation refused past the concurrency limit. */
  public void throttled() {
    throttles.increment();
  }
}
