package dev.restgate.lambda.internal.local;

import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.lambda.internal.process.ProcessFunctionLoader;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The local functions of a gateway ({@code lambda.functions}), loaded and checked at start: for in-process functions
 * the code is opened, the handler resolved and the handler object created; for functions run in worker processes the
 * package is unpacked and the runtime checked; so a broken function fails the start with every problem listed
 * instead of failing its first request. Thread-safe.
 */
public final class LocalFunctions implements AutoCloseable {
  private final Map<String, LocalFunction> byName;
  private final ScheduledThreadPoolExecutor timer;
  private final ProcessFunctionLoader processes;

  private LocalFunctions(Map<String, LocalFunction> byName, ScheduledThreadPoolExecutor timer,
      ProcessFunctionLoader processes) {
    this.byName = byName;
    this.timer = timer;
    this.processes = processes;
  }

  /**
   * Loads the functions of {@code lambda}; relative code URIs are resolved against the configuration file's
   * directory.
   *
   * @param source the configuration file, or null for a configuration built in code
   * @param dataDirectory where packages of functions run in worker processes are unpacked
   * @param region the region local function ARNs carry
   * @param accountId the account local function ARNs carry
   * @throws ProblemsException listing every invalid setting, missing code and unloadable handler
   */
  public static LocalFunctions load(LambdaConfig lambda, Path source, Path dataDirectory, String region,
      String accountId, Clock clock) throws ProblemsException {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "lambda-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    FunctionLoader loader = new FunctionLoader(source == null ? null : source.toString(),
        source == null ? null : source.toAbsolutePath().getParent(), region, accountId, timer, clock);
    ProcessFunctionLoader processes = new ProcessFunctionLoader(source == null ? null : source.toString(),
        dataDirectory, region, accountId, lambda.idleTimeout(), timer, clock);

    List<Problem> problems = new ArrayList<>();
    Map<String, LocalFunction> loaded = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    List<FunctionConfig> functions = lambda.functions();
    for (int i = 0; i < functions.size(); i++) {
      FunctionConfig function = functions.get(i);
      String pointer = "/lambda/functions/" + i;
      if (!loader.checkName(function, pointer, problems)) {
        continue;
      }
      if (!names.add(function.functionName())) {
        problems.add(new Problem(source == null ? null : source.toString(), pointer + "/functionName",
            "functionName '" + function.functionName() + "' is used by more than one function"));
        continue;
      }
      if (function.isolation() == Isolation.IN_PROCESS) {
        loader.load(function, pointer, problems).ifPresent(f -> loaded.put(f.name(), f));
      } else {
        loader.check(function, pointer, problems)
            .flatMap(code -> processes.load(function, code, pointer, problems))
            .ifPresent(f -> loaded.put(f.name(), f));
      }
    }
    LocalFunctions result = new LocalFunctions(Map.copyOf(loaded), timer, processes);
    if (!problems.isEmpty()) {
      result.close();
      throw new ProblemsException("Invalid local Lambda functions", problems);
    }
    return result;
  }

  /** The local function of this name, if there is one. */
  public Optional<LocalFunction> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Stops every function's workers and threads and closes their class loaders. */
  @Override
  public void close() {
    byName.values().forEach(LocalFunction::close);
    processes.close();
    timer.shutdownNow();
  }
}
