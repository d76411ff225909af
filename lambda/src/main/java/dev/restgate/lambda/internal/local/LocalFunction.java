package dev.restgate.lambda.internal.local;

import dev.restgate.lambda.internal.FunctionReference;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java function run in-process, like one warm AWS execution environment that accepts concurrent requests: one
 * handler object, called by up to {@link #MAX_CONCURRENT_INVOCATIONS} threads at once, each invocation bounded by
 * the function's timeout. Logs go to the slf4j logger {@code lambda.<name>}. Thread-safe.
 */
public final class LocalFunction implements AutoCloseable {
  /** The version every local invocation reports. */
  public static final String VERSION = "$LATEST";
  /** Invocations of one function that may run at once; past that, invocations are throttled. */
  public static final int MAX_CONCURRENT_INVOCATIONS = 100;

  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String name;
  private final String region;
  private final String accountId;
  private final int timeoutSeconds;
  private final int memorySize;
  private final FunctionClassLoader loader;
  private final FunctionHandler handler;
  private final Duration initDuration;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final Logger logger;
  private final String logStreamName;
  private final ThreadPoolExecutor workers;
  private final AtomicBoolean cold = new AtomicBoolean(true);

  LocalFunction(String name, String region, String accountId, int timeoutSeconds, int memorySize,
      FunctionClassLoader loader, FunctionHandler handler, Duration initDuration, ScheduledExecutorService timer,
      Clock clock) {
    this.name = name;
    this.region = region;
    this.accountId = accountId;
    this.timeoutSeconds = timeoutSeconds;
    this.memorySize = memorySize;
    this.loader = loader;
    this.handler = handler;
    this.initDuration = initDuration;
    this.timer = timer;
    this.clock = clock;
    this.logger = LoggerFactory.getLogger("lambda." + name);
    this.logStreamName = STREAM_DAY.format(clock.instant()) + "/[" + VERSION + "]"
        + UUID.randomUUID().toString().replace("-", "");
    AtomicInteger threads = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, MAX_CONCURRENT_INVOCATIONS, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "lambda-" + name + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          thread.setContextClassLoader(loader);
          return thread;
        });
  }

  public String name() {
    return name;
  }

  int memorySize() {
    return memorySize;
  }

  String logStreamName() {
    return logStreamName;
  }

  /**
   * Starts an invocation without waiting for it ({@code Event} invocations use this directly).
   *
   * @return completes when the handler returns or fails, or when the function's timeout passes, whichever is first
   * @throws RejectedExecutionException when {@link #MAX_CONCURRENT_INVOCATIONS} invocations are running, or the
   *     function is closed
   */
  public CompletableFuture<Execution> start(InvocationRequest request) {
    Run run = new Run(request);
    Future<?> task = workers.submit(run::execute);
    ScheduledFuture<?> alarm = timer.schedule(() -> run.timeOut(task), timeoutSeconds, TimeUnit.SECONDS);
    run.result.whenComplete((execution, error) -> alarm.cancel(false));
    return run.result;
  }

  /**
   * Runs an invocation and waits for its end.
   *
   * @param callerTimeout how long the caller waits, or null to wait until the function ends (at most its timeout)
   * @throws LambdaInvokeException {@code THROTTLED} past the concurrency limit; {@code TIMEOUT} when the caller's
   *     timeout passes first (the invocation goes on until its own timeout, as on AWS); {@code SERVICE_ERROR} when
   *     the function is closed or the caller is interrupted
   */
  public Execution invoke(InvocationRequest request, Duration callerTimeout) throws LambdaInvokeException {
    CompletableFuture<Execution> running;
    try {
      running = start(request);
    } catch (RejectedExecutionException e) {
      if (workers.isShutdown()) {
        throw new LambdaInvokeException(Reason.SERVICE_ERROR, "function " + name + " is closed", e);
      }
      throw new LambdaInvokeException(Reason.THROTTLED, "Rate Exceeded.", e);
    }
    try {
      return callerTimeout == null ? running.get() : running.get(callerTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new LambdaInvokeException(Reason.TIMEOUT,
          "function " + name + " did not answer within " + callerTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LambdaInvokeException(Reason.SERVICE_ERROR, "interrupted while waiting for " + name, e);
    } catch (ExecutionException e) {
      throw new LambdaInvokeException(Reason.SERVICE_ERROR, "function " + name + " failed to run", e.getCause());
    }
  }

  /** Stops the function's threads (interrupting running invocations) and closes its class loader. */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      loader.close();
    } catch (IOException e) {
      logger.warn("Could not close the class loader of function {}", name, e);
    }
  }

  /** The state of one invocation; the handler's thread and the timeout race to finish it, and the first one wins. */
  private final class Run {
    final CompletableFuture<Execution> result = new CompletableFuture<>();
    private final InvocationRequest request;
    private final InvocationLog log = new InvocationLog(logger);
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Instant started = clock.instant();
    private volatile long workerThread = -1;
    private volatile long allocatedAtStart;

    Run(InvocationRequest request) {
      this.request = request;
    }

    void execute() {
      workerThread = Thread.currentThread().getId();
      allocatedAtStart = allocatedBytes(workerThread);
      String invokedArn = FunctionReference.arn(region, accountId, name, request.qualifier());
      LocalContext context = new LocalContext(LocalFunction.this, request.requestId(), invokedArn,
          request.clientContext(), started.plusSeconds(timeoutSeconds), clock, log);
      log.runtime("START RequestId: " + request.requestId() + " Version: " + VERSION);
      byte[] response;
      String error = null;
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handle(new ByteArrayInputStream(request.payload()), out, context);
        response = out.toByteArray();
        if (response.length > FunctionErrors.MAX_RESPONSE_BYTES) {
          response = FunctionErrors.responseTooLarge();
          error = FunctionErrors.UNHANDLED;
        }
      } catch (Throwable t) {
        if (finished.get()) {
          return;
        }
        log.error(FunctionErrors.reportable(t));
        response = FunctionErrors.unhandled(t);
        error = FunctionErrors.UNHANDLED;
      }
      if (finished.compareAndSet(false, true)) {
        complete(response, error, false);
      }
    }

    void timeOut(Future<?> task) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      task.cancel(true);
      log.error(LOG_TIME.format(clock.instant()) + " " + request.requestId() + " Task timed out after "
          + timeoutSeconds + ".00 seconds");
      complete(FunctionErrors.timedOut(request.requestId(), timeoutSeconds), FunctionErrors.UNHANDLED, true);
    }

    private void complete(byte[] response, String error, boolean timedOut) {
      double millis = Duration.between(started, clock.instant()).toNanos() / 1_000_000.0;
      long usedMb = workerThread < 0 ? 0
          : (allocatedBytes(workerThread) - allocatedAtStart + (1 << 20) - 1) >> 20;
      StringBuilder report = new StringBuilder("REPORT RequestId: ").append(request.requestId()).append('\t')
          .append(String.format(Locale.ROOT, "Duration: %.2f ms\t", millis))
          .append("Billed Duration: ").append(Math.max(1, (long) Math.ceil(millis))).append(" ms\t")
          .append("Memory Size: ").append(memorySize).append(" MB\t")
          .append("Max Memory Used: ").append(Math.max(0, usedMb)).append(" MB\t");
      if (cold.getAndSet(false)) {
        report.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", initDuration.toNanos() / 1_000_000.0));
      }
      if (timedOut) {
        report.append("Status: timeout\t");
      }
      log.runtime("END RequestId: " + request.requestId());
      log.runtime(report.toString());
      result.complete(new Execution(request.requestId(), response, error, log.tail()));
    }
  }

  /** Bytes the thread allocated so far, where the JVM counts them; a stand-in for memory used per invocation. */
  private static long allocatedBytes(long threadId) {
    if (THREADS instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemoryEnabled()) {
      return Math.max(0, counting.getThreadAllocatedBytes(threadId));
    }
    return 0;
  }
}
