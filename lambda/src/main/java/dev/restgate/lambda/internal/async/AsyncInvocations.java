package dev.restgate.lambda.internal.async;

import dev.restgate.lambda.AsyncInvokeConfig;
import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.lambda.internal.FunctionReference;
import dev.restgate.lambda.internal.async.FailureDestination.Condition;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.FunctionVersions;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunction;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.spi.LambdaInvokeException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous ({@code Event}) invocations of the local functions, as Lambda runs them: the event is written to the
 * function's durable queue ({@code {data}/lambda/async/{function}/}) and the caller gets its answer at once; a small
 * pool of delivery threads runs queued events, one at a time per thread, waiting for each to finish. A function error
 * is retried {@code maximumRetryAttempts} times after the configured delays; a throttled (or otherwise not started)
 * delivery waits 1 second, doubling up to 5 minutes, and does not count as an attempt, as on AWS. An event that fails
 * for good, or outlives {@code maximumEventAgeInSeconds}, goes to the function's on-failure destination.
 *
 * <p>The queue keeps the qualifier the caller named (a version, an alias, {@code $LATEST} or none); each attempt
 * runs the version it selects then, as synchronous invocations do: an alias that routes a share of its invocations
 * to a second version picks per attempt, and an event queued before a restart or live reload runs the version its
 * qualifier names in the configuration in force. A qualifier the function no longer has (the configuration changed
 * since the event was queued) is treated as a delivery that did not start: the event waits, and goes to the
 * destination once it is too old.
 *
 * <p>An event's file is removed only after its last attempt (or its destination record) is written, and
 * {@link #close()} lets running deliveries finish, so after a clean stop every event runs again only if it had not
 * finished; after a crash an event that was running runs again: delivery is at least once. Events left by a previous
 * run (or by the configuration this one replaced on a live reload) are found when this one starts and by a rescan
 * every few seconds. Thread-safe.
 */
public final class AsyncInvocations implements AutoCloseable {
  /** Deliveries that run at once, over all functions. */
  static final int DELIVERY_THREADS = 4;
  private static final Duration RESCAN = Duration.ofSeconds(5);
  private static final Duration FIRST_THROTTLE_DELAY = Duration.ofSeconds(1);
  private static final Duration LAST_THROTTLE_DELAY = Duration.ofMinutes(5);
  /** How long {@link #close()} waits beyond the longest function timeout for running deliveries. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);
  /**
   * Event files a delivery holds, in this JVM: during a live reload the old and the new configuration both serve the
   * same queues, and an event must run in one of them only.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  private static final Logger LOG = LoggerFactory.getLogger(AsyncInvocations.class);

  private final Map<String, Target> targets;
  private final List<Duration> retryDelays;
  private final String region;
  private final String accountId;
  private final Clock clock;
  private final Duration closeWait;
  private final Set<Path> scheduled = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor threads;

  /** A function, its queue and what happens to its events. */
  private record Target(String name, FunctionVersions function, EventQueue queue, AsyncInvokeConfig config,
      FailureDestination destination) {}

  private AsyncInvocations(LambdaConfig lambda, LocalFunctions functions, Path dataDirectory, String region,
      String accountId, Clock clock) {
    this.retryDelays = lambda.asyncRetryDelays();
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    Path root = dataDirectory.resolve("lambda").resolve("async");
    Map<String, Target> targets = new HashMap<>();
    int longestTimeout = 0;
    for (FunctionConfig config : lambda.functions()) {
      FunctionVersions function = functions.find(config.functionName()).orElseThrow(
          () -> new IllegalArgumentException("function " + config.functionName() + " is not loaded"));
      targets.put(config.functionName(), new Target(config.functionName(), function,
          new EventQueue(config.functionName(), root.resolve(config.functionName())), config.asyncInvoke(),
          FailureDestination.of(config.asyncInvoke().onFailure(), dataDirectory, this::forward)));
      longestTimeout = Math.max(longestTimeout, config.timeout());
    }
    this.targets = Map.copyOf(targets);
    this.closeWait = Duration.ofSeconds(longestTimeout).plus(CLOSE_MARGIN);
    AtomicInteger count = new AtomicInteger();
    this.threads = new ScheduledThreadPoolExecutor(DELIVERY_THREADS, task -> {
      Thread thread = new Thread(task, "lambda-async-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    threads.setRemoveOnCancelPolicy(true);
  }

  /**
   * Starts delivering the events of {@code functions}, those queued by earlier runs first.
   *
   * @param dataDirectory the gateway's data directory: queues and dead-letter files live under it
   * @param region the region of the local functions' ARNs in destination records
   * @param accountId the account of the local functions' ARNs in destination records
   */
  public static AsyncInvocations start(LambdaConfig lambda, LocalFunctions functions, Path dataDirectory,
      String region, String accountId, Clock clock) {
    AsyncInvocations invocations = new AsyncInvocations(lambda, functions, dataDirectory, region, accountId, clock);
    invocations.threads.scheduleWithFixedDelay(invocations::rescan, 0, RESCAN.toMillis(), TimeUnit.MILLISECONDS);
    return invocations;
  }

  /**
   * Queues an event for a local function and returns once it is on disk. The caller has checked that the function
   * has the request's qualifier; the version it selects is resolved again at each attempt.
   *
   * @param function the local function's name
   * @throws LambdaInvokeException {@code SERVICE_ERROR} when the event could not be written
   */
  public void enqueue(String function, InvocationRequest request) throws LambdaInvokeException {
    Target target = targets.get(function);
    Instant now = clock.instant();
    try {
      schedule(target, target.queue().add(
          QueuedEvent.received(request.requestId(), request.qualifier(), request.payload(), now)), Duration.ZERO);
    } catch (IOException e) {
      throw new LambdaInvokeException(LambdaInvokeException.Reason.SERVICE_ERROR,
          "could not queue the event for function " + function + ": " + e.getMessage(), e);
    }
  }

  /** Stops delivering; running deliveries finish (each within its function's timeout) so none runs twice. */
  @Override
  public void close() {
    threads.shutdown();
    try {
      if (!threads.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Asynchronous invocations still running after {} s; they run again at the next start",
            closeWait.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(String function, byte[] record) throws IOException {
    Instant now = clock.instant();
    Target target = targets.get(function);
    schedule(target, target.queue().add(QueuedEvent.received(UUID.randomUUID().toString(), null, record, now)),
        Duration.ZERO);
  }

  /** Picks up events this instance does not know of: left by an earlier run, or by a replaced configuration. */
  private void rescan() {
    for (Target target : targets.values()) {
      try {
        for (Path file : target.queue().events()) {
          if (!scheduled.contains(file) && !HELD.contains(file)) {
            schedule(target, file, Duration.ZERO);
          }
        }
      } catch (IOException e) {
        LOG.warn("Could not list the queued events of function {}: {}", target.name(), e.toString());
      }
    }
  }

  private void schedule(Target target, Path file, Duration delay) {
    scheduled.add(file);
    later(new Delivery(target, file), delay);
  }

  private void later(Delivery delivery, Duration delay) {
    try {
      threads.schedule(delivery, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: the event stays on disk for the next start.
      scheduled.remove(delivery.file);
    }
  }

  /** Runs one queued event once; reschedules itself while the event has attempts left. */
  private final class Delivery implements Runnable {
    private final Target target;
    private final Path file;
    private int throttles;

    Delivery(Target target, Path file) {
      this.target = target;
      this.file = file;
    }

    @Override
    public void run() {
      if (!HELD.add(file)) {
        scheduled.remove(file);
        return;
      }
      Duration again = null;
      try {
        again = deliver(target.queue().read(file));
      } catch (NoSuchFileException e) {
        // delivered meanwhile by the configuration this one replaced
      } catch (IOException e) {
        LOG.error("Could not deliver the queued event {} of function {}; trying again later", file,
            target.name(), e);
        again = throttled();
      } finally {
        HELD.remove(file);
        if (again == null) {
          scheduled.remove(file);
        } else {
          later(this, again);
        }
      }
    }

    /** Runs the event if it is due; returns when to come back, or null when the event is done. */
    private Duration deliver(QueuedEvent event) throws IOException {
      Instant now = clock.instant();
      if (event.notBefore().isAfter(now)) {
        return Duration.between(now, event.notBefore());
      }
      if (Duration.between(event.receivedAt(), now).toSeconds() >= target.config().maximumEventAgeInSeconds()) {
        giveUp(event, Condition.EventAgeExceeded);
        return null;
      }
      Optional<LocalFunction> selected = target.function().select(event.qualifier());
      if (selected.isEmpty()) {
        LOG.warn("Event {} of function {} names version or alias {}, which the function no longer has; trying again "
            + "later", event.requestId(), target.name(), event.qualifier());
        return throttled();
      }
      LocalFunction function = selected.get();
      Execution execution;
      try {
        execution = function.invoke(new InvocationRequest(event.requestId(), event.qualifier(), event.payload(),
            null), null);
      } catch (LambdaInvokeException e) {
        if (function.isClosed()) {
          return null;
        }
        LOG.debug("Event {} of function {} not started ({}); trying again later", event.requestId(), function.name(),
            e.getMessage());
        return throttled();
      }
      if (execution.functionError() == null) {
        target.queue().remove(file);
        return null;
      }
      QueuedEvent.Attempt attempt = new QueuedEvent.Attempt(function.version(), execution.functionError(),
          execution.payload());
      if (event.attempts() >= target.config().maximumRetryAttempts()) {
        giveUp(event.failedAgain(attempt, now), Condition.RetriesExhausted);
        return null;
      }
      Duration delay = retryDelays.get(event.attempts());
      target.queue().write(file, event.failedAgain(attempt, clock.instant().plus(delay)));
      return delay;
    }

    private Duration throttled() {
      Duration delay = FIRST_THROTTLE_DELAY.multipliedBy(1L << Math.min(throttles, 9));
      throttles++;
      return delay.compareTo(LAST_THROTTLE_DELAY) > 0 ? LAST_THROTTLE_DELAY : delay;
    }

    /** Sends the event to the destination (naming the version that ran last, or its qualifier if none ran). */
    private void giveUp(QueuedEvent event, Condition condition) throws IOException {
      String name = target.name();
      FailureDestination destination = target.destination();
      if (destination == null) {
        LOG.warn("Dropped event {} of function {} ({}, {} attempts); configure asyncInvoke.onFailure to keep such "
            + "events", event.requestId(), name, condition, event.attempts());
      } else {
        String version = event.lastAttempt() != null ? event.lastAttempt().version() : event.qualifier();
        destination.send(event, FunctionReference.arn(region, accountId, name,
            version == null ? LocalFunction.LATEST : version), condition, clock.instant());
        LOG.info("Event {} of function {} ({}, {} attempts) went to {}", event.requestId(), name, condition,
            event.attempts(), destination.describe());
      }
      target.queue().remove(file);
    }
  }
}
