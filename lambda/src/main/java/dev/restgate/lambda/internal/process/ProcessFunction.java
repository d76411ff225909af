package dev.restgate.lambda.internal.process;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.lambda.internal.FunctionReference;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.FunctionMeters;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunction;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function run in worker processes ({@code isolation: process}), as AWS runs execution environments: a warm,
 * idle worker serves the next invocation; when none is idle another one starts, up to the function's reserved
 * concurrency, past which invocations are throttled; a worker idle for the idle timeout stops. Thread-safe.
 */
public final class ProcessFunction implements LocalFunction, Worker.Owner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String version;
  private final String region;
  private final String accountId;
  private final int timeoutSeconds;
  private final int memorySize;
  private final int reservedConcurrency;
  private final Duration idleTimeout;
  private final RuntimeCommand command;
  private final FunctionLogFiles logFiles;
  private final ScheduledExecutorService timer;
  private final Executor httpThreads;
  private final Clock clock;
  private final Logger logger;
  private final FunctionMeters meters;
  private final Deque<Worker> idle = new ArrayDeque<>();
  private final Map<Worker, Long> idleSince = new LinkedHashMap<>();
  private final Set<Worker> workers = new HashSet<>();
  private int starting;
  private long releases;
  private boolean closed;

  ProcessFunction(String name, String version, String region, String accountId, int timeoutSeconds, int memorySize,
      int reservedConcurrency, Duration idleTimeout, RuntimeCommand command, FunctionLogFiles logFiles,
      ScheduledExecutorService timer, Executor httpThreads, Clock clock) {
    this.name = name;
    this.version = version;
    this.region = region;
    this.accountId = accountId;
    this.timeoutSeconds = timeoutSeconds;
    this.memorySize = memorySize;
    this.reservedConcurrency = reservedConcurrency;
    this.idleTimeout = idleTimeout;
    this.command = command;
    this.logFiles = logFiles;
    this.timer = timer;
    this.httpThreads = httpThreads;
    this.clock = clock;
    this.logger = LoggerFactory.getLogger("lambda." + name);
    this.meters = FunctionMeters.of(name, version);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public CompletableFuture<Execution> start(InvocationRequest request, boolean streamResponse) {
    CompletableFuture<Execution> result = new CompletableFuture<>();
    Worker.Invocation invocation = new Worker.Invocation(request.requestId(), request.payload(), headers(request),
        streamResponse, result);
    Worker worker;
    synchronized (this) {
      if (closed) {
        throw new RejectedExecutionException("function " + name + " is closed");
      }
      worker = idle.pollFirst();
      if (worker != null) {
        idleSince.remove(worker);
      } else if (workers.size() + starting >= reservedConcurrency) {
        meters.throttled();
        throw new RejectedExecutionException("function " + name + " runs " + reservedConcurrency
            + " invocations, its reserved concurrency");
      } else {
        starting++;
      }
    }
    if (worker == null) {
      try {
        worker = Worker.start(name, memorySize, timeoutSeconds, logger, logFiles, timer, clock, this, command,
            httpThreads);
      } catch (IOException e) {
        logger.error("Could not start a worker of function {}: {}", name, e.getMessage());
        synchronized (this) {
          starting--;
        }
        result.completeExceptionally(e);
        return result;
      }
      if (!enlisted(worker)) {
        worker.stop();
        throw new RejectedExecutionException("function " + name + " is closed");
      }
    }
    worker.submit(invocation);
    return result;
  }

  /** Whether the new worker joined the function's workers; false when the function closed meanwhile. */
  private synchronized boolean enlisted(Worker worker) {
    starting--;
    if (closed) {
      return false;
    }
    workers.add(worker);
    return true;
  }

  /** Workers running now, busy or idle (for tests and logs). */
  public synchronized int workerCount() {
    return workers.size();
  }

  /** The most recently freed worker goes first, so the others grow idle and stop. */
  @Override
  public void released(Worker worker) {
    long stamp;
    synchronized (this) {
      if (closed || !workers.contains(worker)) {
        return;
      }
      stamp = ++releases;
      idle.addFirst(worker);
      idleSince.put(worker, stamp);
    }
    timer.schedule(() -> expire(worker, stamp), idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void ended(Duration duration, String functionError, boolean timedOut, boolean coldStart, Duration init) {
    meters.invoked(duration, functionError, timedOut, coldStart, init);
  }

  @Override
  public synchronized void died(Worker worker) {
    workers.remove(worker);
    idle.remove(worker);
    idleSince.remove(worker);
  }

  private void expire(Worker worker, long stamp) {
    synchronized (this) {
      Long since = idleSince.get(worker);
      if (since == null || since != stamp) {
        return;
      }
      idle.remove(worker);
      idleSince.remove(worker);
    }
    logger.debug("Stopping a worker of function {} idle for {}", name, idleTimeout);
    worker.stop();
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Kills every worker; invocations in flight fail. */
  @Override
  public void close() {
    List<Worker> running;
    synchronized (this) {
      closed = true;
      running = List.copyOf(workers);
      idle.clear();
      idleSince.clear();
    }
    running.forEach(Worker::stop);
  }

  private Map<String, String> headers(InvocationRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Lambda-Runtime-Aws-Request-Id", request.requestId());
    headers.put("Lambda-Runtime-Invoked-Function-Arn",
        FunctionReference.arn(region, accountId, name, request.qualifier()));
    headers.put("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(clock.millis() / 1000) + "-"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Sampled=0");
    if (request.clientContext() != null) {
      headers.put("Lambda-Runtime-Client-Context", clientContext(request.clientContext()));
    }
    return headers;
  }

  /** The client context as the Runtime API passes it: JSON with AWS's {@code client}, {@code custom}, {@code env}. */
  private static String clientContext(ClientContext context) {
    ObjectNode node = JSON.createObjectNode();
    if (context.getClient() != null) {
      ObjectNode client = node.putObject("client");
      client.put("installation_id", context.getClient().getInstallationId());
      client.put("app_title", context.getClient().getAppTitle());
      client.put("app_version_name", context.getClient().getAppVersionName());
      client.put("app_version_code", context.getClient().getAppVersionCode());
      client.put("app_package_name", context.getClient().getAppPackageName());
    }
    node.set("custom", JSON.valueToTree(context.getCustom()));
    node.set("env", JSON.valueToTree(context.getEnvironment()));
    return node.toString();
  }
}
