package dev.restgate.lambda.internal.local;

import dev.restgate.lambda.internal.FunctionReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java function run in the gateway's JVM ({@code isolation: in-process}), like one warm AWS execution environment that accepts concurrent requests: one
 * handler object, called by up to {@link #MAX_CONCURRENT_INVOCATIONS} threads at once, each invocation bounded by
 * the function's timeout. Logs go to the slf4j logger {@code lambda.<name>}. Thread-safe.
 */
public final class InProcessFunction implements LocalFunction {
  /** Invocations of one function that may run at once; past that, invocations are throttled. */
  public static final int MAX_CONCURRENT_INVOCATIONS = 100;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String name;
  private final String version;
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
  private final FunctionMeters meters;

  InProcessFunction(String name, String version, String region, String accountId, int timeoutSeconds, int memorySize,
      FunctionClassLoader loader, FunctionHandler handler, Duration initDuration, ScheduledExecutorService timer,
      Clock clock) {
    this.name = name;
    this.version = version;
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
    this.logStreamName = InvocationReport.logStreamName(version, clock.instant());
    this.meters = FunctionMeters.of(name, version);
    AtomicInteger threads = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, MAX_CONCURRENT_INVOCATIONS, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "lambda-" + name + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          thread.setContextClassLoader(loader);
          return thread;
        });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  int memorySize() {
    return memorySize;
  }

  String logStreamName() {
    return logStreamName;
  }

  @Override
  public CompletableFuture<Execution> start(InvocationRequest request, boolean streamResponse) {
    Run run = new Run(request, streamResponse ? new ResponsePipe() : null);
    Future<?> task;
    try {
      task = workers.submit(run::execute);
    } catch (RejectedExecutionException e) {
      if (!workers.isShutdown()) {
        meters.throttled();
      }
      throw e;
    }
    ScheduledFuture<?> alarm = timer.schedule(() -> run.timeOut(task), timeoutSeconds, TimeUnit.SECONDS);
    run.finished.thenRun(() -> alarm.cancel(false));
    return run.result;
  }

  @Override
  public boolean isClosed() {
    return workers.isShutdown();
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

  /**
   * The state of one invocation; the handler's thread and the timeout race to finish it, and the first one wins. An
   * invocation that streams answers its caller at the handler's first write and finishes when the handler returns.
   */
  private final class Run {
    final CompletableFuture<Execution> result = new CompletableFuture<>();
    /** Completes when the invocation ends, which for a streamed answer is after {@link #result} completes. */
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final InvocationRequest request;
    /** Where a streamed answer goes; null when the caller takes the answer whole. */
    private final ResponsePipe pipe;
    private final InvocationLog log = new InvocationLog(logger);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Instant started = clock.instant();
    private volatile long workerThread = -1;
    private volatile long allocatedAtStart;

    Run(InvocationRequest request, ResponsePipe pipe) {
      this.request = request;
      this.pipe = pipe;
    }

    /** Where the handler writes: the caller's stream, handed to the caller at the first write, or a buffer. */
    private OutputStream output() {
      if (pipe == null) {
        return new ByteArrayOutputStream();
      }
      OutputStream sink = pipe.sink();
      return new FilterOutputStream(sink) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (len > 0) {
            result.complete(Execution.streaming(request.requestId(), pipe.source()));
          }
          sink.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }
      };
    }

    /** Whether the caller already has the answer as a stream. */
    private boolean streaming() {
      return pipe != null && result.isDone();
    }

    void execute() {
      workerThread = Thread.currentThread().getId();
      allocatedAtStart = allocatedBytes(workerThread);
      String invokedArn = FunctionReference.arn(region, accountId, name, request.qualifier());
      LocalContext context = new LocalContext(InProcessFunction.this, request.requestId(), invokedArn,
          request.clientContext(), started.plusSeconds(timeoutSeconds), clock, log);
      log.runtime("START RequestId: " + request.requestId() + " Version: " + version);
      byte[] response;
      String error = null;
      try {
        OutputStream out = output();
        handler.handle(new ByteArrayInputStream(request.payload()), out, context);
        response = out instanceof ByteArrayOutputStream buffer ? buffer.toByteArray() : new byte[0];
        if (pipe != null) {
          out.close();
        }
        if (response.length > FunctionErrors.MAX_RESPONSE_BYTES) {
          response = FunctionErrors.responseTooLarge();
          error = FunctionErrors.UNHANDLED;
        }
      } catch (Throwable t) {
        if (ended.get()) {
          return;
        }
        log.error(FunctionErrors.reportable(t));
        response = FunctionErrors.unhandled(t);
        error = FunctionErrors.UNHANDLED;
        if (streaming()) {
          pipe.fail(new IOException("the function failed after it began to answer: " + t));
        }
      }
      if (ended.compareAndSet(false, true)) {
        complete(response, error, false);
      }
    }

    void timeOut(Future<?> task) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      task.cancel(true);
      log.error(InvocationReport.timedOut(clock.instant(), request.requestId(), timeoutSeconds));
      if (streaming()) {
        pipe.fail(new IOException("Task timed out after " + timeoutSeconds + " seconds"));
      }
      complete(FunctionErrors.timedOut(request.requestId(), timeoutSeconds), FunctionErrors.UNHANDLED, true);
    }

    private void complete(byte[] response, String error, boolean timedOut) {
      long usedMb = workerThread < 0 ? 0
          : (allocatedBytes(workerThread) - allocatedAtStart + (1 << 20) - 1) >> 20;
      Duration ran = Duration.between(started, clock.instant());
      boolean coldStart = cold.getAndSet(false);
      String report = InvocationReport.report(request.requestId(), ran, memorySize, usedMb,
          coldStart ? initDuration : null, timedOut);
      meters.invoked(ran, error, timedOut, coldStart, initDuration);
      log.runtime("END RequestId: " + request.requestId());
      log.runtime(report);
      result.complete(new Execution(request.requestId(), response, error, log.tail()));
      finished.complete(null);
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
