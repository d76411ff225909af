package dev.restgate.lambda.internal.process;

import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.FunctionErrors;
import dev.restgate.lambda.internal.local.InvocationLog;
import dev.restgate.lambda.internal.local.InvocationReport;
import dev.restgate.lambda.internal.local.ResponsePipe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One worker process of a function, like one AWS execution environment: it serves one invocation at a time through
 * its own {@link RuntimeApiServer}, and it is killed, never reused, after a timeout, a crash or a failed init. Its
 * output goes to the function's logger, one entry a line, with the request id of the invocation in flight in the
 * MDC ({@code requestId}), and to the function's log file when there is one. Thread-safe: the Runtime API's
 * threads, the output reader, the timer and callers meet here under the worker's lock, which is never held across
 * I/O.
 */
final class Worker implements RuntimeApiServer.Handler {
  /** How long AWS lets a function's init run. */
  static final int INIT_TIMEOUT_SECONDS = 10;
  private static final Invocation STOP = new Invocation(null, null, null, false, null);

  /** What the worker's owner learns: the worker is free for another invocation, or gone. */
  interface Owner {
    void released(Worker worker);

    /** The worker serves no more invocations (it may be told twice: when it is condemned and when it exits). */
    void died(Worker worker);

    /**
     * An invocation ended after {@code duration} (zero when it never reached the function).
     *
     * @param coldStart whether it was the worker's first
     * @param init the worker's init when it was its first and the init finished; else null
     */
    void ended(Duration duration, String functionError, boolean timedOut, boolean coldStart, Duration init);
  }

  /**
   * One invocation handed to the worker.
   *
   * @param streamResponse whether the caller takes a streamed response as it comes
   */
  record Invocation(String requestId, byte[] payload, Map<String, String> headers, boolean streamResponse,
      CompletableFuture<Execution> result) {}

  private final String functionName;
  private final String version;
  private final int memorySize;
  private final int timeoutSeconds;
  private final Logger logger;
  private final Consumer<String> logFile;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final Owner owner;
  private final RuntimeApiServer api;
  private final Process watchdog;
  private final Instant spawned;
  private final LinkedBlockingQueue<Invocation> inbox = new LinkedBlockingQueue<>();
  private final ScheduledFuture<?> initAlarm;

  private Invocation current;
  private InvocationLog currentLog;
  /** The caller's end of the response the invocation in flight streams, or null. */
  private ResponsePipe streaming;
  private Instant delivered;
  private ScheduledFuture<?> alarm;
  private Duration initDuration;
  private boolean initReported;
  private byte[] initError;
  private boolean dead;
  private String exit;

  private Worker(String functionName, int memorySize, int timeoutSeconds, Logger logger, FunctionLogFiles logFiles,
      ScheduledExecutorService timer, Clock clock, Owner owner, RuntimeCommand command, Executor httpThreads)
      throws IOException {
    this.functionName = functionName;
    this.version = command.version();
    this.memorySize = memorySize;
    this.timeoutSeconds = timeoutSeconds;
    this.logger = logger;
    this.timer = timer;
    this.clock = clock;
    this.owner = owner;
    this.api = new RuntimeApiServer(this, httpThreads);
    this.spawned = clock.instant();
    String logStream = InvocationReport.logStreamName(command.version(), spawned);
    this.logFile = logFiles == null ? entry -> {} : logFiles.stream(functionName, logStream);
    try {
      this.watchdog = command.start(api.address(), logStream);
    } catch (IOException e) {
      api.close();
      throw e;
    }
    this.initAlarm = timer.schedule(this::initTimedOut, INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Starts a worker process; it calls {@code /next} when its init is done. */
  static Worker start(String functionName, int memorySize, int timeoutSeconds, Logger logger,
      FunctionLogFiles logFiles, ScheduledExecutorService timer, Clock clock, Owner owner, RuntimeCommand command,
      Executor httpThreads) throws IOException {
    Worker worker = new Worker(functionName, memorySize, timeoutSeconds, logger, logFiles, timer, clock, owner,
        command, httpThreads);
    Thread reader = new Thread(worker::pumpOutput, "lambda-" + functionName + "-output-" + worker.watchdog.pid());
    reader.setDaemon(true);
    reader.start();
    worker.watchdog.onExit().thenRun(worker::exited);
    return worker;
  }

  /**
   * Hands the worker one invocation; it must be free (fresh or released). A worker that ended while idle, just
   * before it was picked, answers as a crash does.
   */
  void submit(Invocation invocation) {
    synchronized (this) {
      if (!dead) {
        current = invocation;
        currentLog = new InvocationLog(logger, logFile);
        inbox.add(invocation);
        return;
      }
    }
    invocation.result().complete(new Execution(invocation.requestId(),
        FunctionErrors.exited(invocation.requestId(), exit), FunctionErrors.UNHANDLED, new byte[0]));
  }

  /** Kills the process and closes the Runtime API; an invocation in flight fails as a crash does. */
  void stop() {
    inbox.add(STOP);
    try {
      OutputStream stdin = watchdog.getOutputStream();
      stdin.close();
    } catch (IOException e) {
      logger.debug("Closing the watchdog's stdin of a {} worker failed", functionName, e);
    }
    watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
    watchdog.destroyForcibly();
    api.close();
  }

  @Override
  public RuntimeApiServer.Event next() {
    Invocation invocation;
    try {
      invocation = inbox.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (invocation == STOP) {
      return null;
    }
    InvocationLog log;
    synchronized (this) {
      if (invocation != current || dead) {
        return null;
      }
      if (initDuration == null) {
        initDuration = Duration.between(spawned, clock.instant());
        initAlarm.cancel(false);
      }
      delivered = clock.instant();
      alarm = timer.schedule(() -> timedOut(invocation), timeoutSeconds, TimeUnit.SECONDS);
      log = currentLog;
    }
    log.runtime("START RequestId: " + invocation.requestId() + " Version: " + version);
    Map<String, String> headers = new LinkedHashMap<>(invocation.headers());
    headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(delivered.plusSeconds(timeoutSeconds).toEpochMilli()));
    return new RuntimeApiServer.Event(invocation.payload(), headers);
  }

  @Override
  public int result(String requestId, byte[] body, boolean error) {
    synchronized (this) {
      if (current == null || delivered == null) {
        return current != null && current.requestId().equals(requestId) ? 403 : 400;
      }
      if (!current.requestId().equals(requestId)) {
        return 400;
      }
    }
    boolean finished = finish(body, error ? FunctionErrors.UNHANDLED : null, false);
    return finished ? 202 : 403;
  }

  @Override
  public OutputStream streamStarted(String requestId) {
    ResponsePipe pipe;
    Invocation invocation;
    synchronized (this) {
      if (current == null || delivered == null || !current.requestId().equals(requestId)
          || !current.streamResponse() || streaming != null) {
        return null;
      }
      invocation = current;
      pipe = new ResponsePipe();
      streaming = pipe;
    }
    invocation.result().complete(Execution.streaming(requestId, pipe.source()));
    return pipe.sink();
  }

  @Override
  public int streamEnded(String requestId, IOException failure) {
    ResponsePipe pipe;
    synchronized (this) {
      pipe = streaming;
      if (pipe == null || current == null || !current.requestId().equals(requestId)) {
        // Already ended: timed out, or the worker died, and the stream was failed then.
        return 403;
      }
    }
    if (failure != null) {
      // The worker died or was killed mid-stream: exited() ends the invocation as a crash.
      pipe.fail(failure);
      return 403;
    }
    return finish(new byte[0], null, false) ? 202 : 403;
  }

  @Override
  public int initError(byte[] body) {
    synchronized (this) {
      if (initDuration != null || initError != null) {
        return 403;
      }
      initError = body;
    }
    logger.error("Function {} failed its init: {}", functionName, new String(body, StandardCharsets.UTF_8));
    failInit(body);
    return 202;
  }

  @Override
  public void tooLarge(String requestId) {
    synchronized (this) {
      if (current == null || delivered == null || !current.requestId().equals(requestId)) {
        return;
      }
    }
    finish(FunctionErrors.responseTooLarge(), FunctionErrors.UNHANDLED, false);
  }

  private void timedOut(Invocation invocation) {
    InvocationLog log;
    synchronized (this) {
      if (current != invocation) {
        return;
      }
      log = currentLog;
    }
    log.error(InvocationReport.timedOut(clock.instant(), invocation.requestId(), timeoutSeconds));
    if (finish(FunctionErrors.timedOut(invocation.requestId(), timeoutSeconds), FunctionErrors.UNHANDLED, true)) {
      stop();
    }
  }

  private void initTimedOut() {
    Invocation waiting;
    synchronized (this) {
      if (initDuration != null) {
        return;
      }
      waiting = current;
    }
    logger.error("Function {} did not finish its init within {} seconds", functionName, INIT_TIMEOUT_SECONDS);
    failInit(waiting == null ? null : FunctionErrors.timedOut(waiting.requestId(), INIT_TIMEOUT_SECONDS));
  }

  /** The invocation waiting for this worker's init gets {@code document}; the worker is never used again. */
  private void failInit(byte[] document) {
    Invocation waiting;
    InvocationLog log;
    synchronized (this) {
      waiting = delivered == null ? current : null;
      log = currentLog;
      if (waiting != null) {
        current = null;
      }
    }
    if (waiting != null && document != null) {
      complete(waiting, document, FunctionErrors.UNHANDLED, log, false, false);
    }
    stop();
  }

  /** The process ended: a crash during an invocation or its init, or a stop. */
  private void exited() {
    Invocation failed;
    InvocationLog log;
    int status = watchdog.exitValue();
    String exit = status > 128 ? "signal: " + (status == 137 ? "killed" : Integer.toString(status - 128))
        : "exit status " + status;
    ResponsePipe pipe;
    synchronized (this) {
      dead = true;
      this.exit = exit;
      failed = current;
      log = currentLog;
      current = null;
      pipe = streaming;
      streaming = null;
      if (alarm != null) {
        alarm.cancel(false);
      }
    }
    if (pipe != null) {
      pipe.fail(new IOException("Runtime exited with error: " + exit));
    }
    initAlarm.cancel(false);
    api.close();
    inbox.add(STOP);
    owner.died(this);
    if (failed != null) {
      log.error("RequestId: " + failed.requestId() + " Error: Runtime exited with error: " + exit);
      complete(failed, FunctionErrors.exited(failed.requestId(), exit), FunctionErrors.UNHANDLED, log, false, false);
    }
  }

  /**
   * Ends the invocation in flight once; false when it had already ended.
   *
   * @param functionError null for a response, else {@code Unhandled} with {@code payload} the error document
   */
  private boolean finish(byte[] payload, String functionError, boolean timedOut) {
    Invocation invocation;
    InvocationLog log;
    ResponsePipe pipe;
    synchronized (this) {
      invocation = current;
      if (invocation == null) {
        return false;
      }
      current = null;
      log = currentLog;
      pipe = streaming;
      streaming = null;
      if (alarm != null) {
        alarm.cancel(false);
      }
    }
    if (pipe != null && functionError != null) {
      pipe.fail(new IOException(new String(payload, StandardCharsets.UTF_8)));
    }
    complete(invocation, payload, functionError, log, timedOut, !timedOut);
    return true;
  }

  /**
   * Logs END and REPORT, frees the worker for the next invocation when it may serve one, and answers the caller.
   *
   * @param reusable whether the worker serves more invocations (not after a timeout, a crash or a failed init)
   */
  private void complete(Invocation invocation, byte[] payload, String functionError, InvocationLog log,
      boolean timedOut, boolean reusable) {
    Duration duration;
    Duration init;
    boolean first;
    synchronized (this) {
      duration = delivered == null ? Duration.ZERO : Duration.between(delivered, clock.instant());
      first = !initReported;
      init = initReported ? null : initDuration;
      initReported = true;
      delivered = null;
    }
    log.runtime("END RequestId: " + invocation.requestId());
    log.runtime(InvocationReport.report(invocation.requestId(), duration, memorySize, peakMemoryMb(), init,
        timedOut));
    owner.ended(duration, functionError, timedOut, first, init);
    // Before the caller hears of it, so its next invocation finds the slot free or this worker idle.
    if (reusable) {
      owner.released(this);
    } else {
      owner.died(this);
    }
    invocation.result().complete(new Execution(invocation.requestId(), payload, functionError, log.tail()));
  }

  /** The function's peak resident memory ({@code VmHWM} of the process the watchdog runs), in MB. */
  private long peakMemoryMb() {
    return watchdog.children().findFirst().map(child -> {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(child.pid()), "status"))) {
          if (line.startsWith("VmHWM:")) {
            long kb = Long.parseLong(line.substring(6).replace("kB", "").strip());
            return (kb + 1023) / 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        logger.debug("No peak memory for a {} worker", functionName, e);
      }
      return 0L;
    }).orElse(0L);
  }

  /** Copies every line the function writes to its log, with the request id of the invocation in flight. */
  private void pumpOutput() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(watchdog.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = nextLine(lines)) != null) {
        InvocationLog log;
        String requestId;
        synchronized (this) {
          log = current == null ? null : currentLog;
          requestId = current == null ? null : current.requestId();
        }
        // Runtimes write a multi-line entry with '\r' between its lines, as CloudWatch keeps them together.
        String entry = line.replace('\r', '\n');
        if (log == null) {
          logger.info(entry);
          logFile.accept(entry);
          continue;
        }
        MDC.put("requestId", requestId);
        try {
          log.log(entry);
        } finally {
          MDC.remove("requestId");
        }
      }
    } catch (IOException e) {
      logger.debug("The output of a {} worker ended", functionName, e);
    }
  }

  /**
   * The next line up to {@code '\n'} (a {@code "\r\n"} ending dropped), or null at the end. Unlike
   * {@link BufferedReader#readLine()} it keeps a lone {@code '\r'}, which joins the lines of one entry.
   */
  private static String nextLine(BufferedReader in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    if (c == -1 && line.isEmpty()) {
      return null;
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }
}
