package dev.restgate.lambda.internal.local;

import dev.restgate.lambda.AliasConfig;
import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.FunctionVersionConfig;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.lambda.internal.local.FunctionVersions.Alias;
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
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local functions of a gateway ({@code lambda.functions}), loaded and checked at start: for in-process functions
 * the code is opened, the handler resolved and the handler object created; for functions run in worker processes the
 * package is unpacked and the runtime checked; so a broken function fails the start with every problem listed
 * instead of failing its first request. Each version of a function is loaded as a function of its own (its own
 * handler object or worker processes). Thread-safe.
 */
public final class LocalFunctions implements AutoCloseable {
  private final Map<String, FunctionVersions> byName;
  private final ScheduledThreadPoolExecutor timer;
  private final ProcessFunctionLoader processes;

  private LocalFunctions(Map<String, FunctionVersions> byName, ScheduledThreadPoolExecutor timer,
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
        dataDirectory, region, accountId, lambda, timer, clock);

    String file = source == null ? null : source.toString();
    List<Problem> problems = new ArrayList<>();
    Map<String, FunctionVersions> loaded = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    List<FunctionConfig> functions = lambda.functions();
    for (int i = 0; i < functions.size(); i++) {
      FunctionConfig function = functions.get(i);
      String pointer = "/lambda/functions/" + i;
      if (!loader.checkName(function, pointer, problems)) {
        continue;
      }
      if (!names.add(function.functionName())) {
        problems.add(new Problem(file, pointer + "/functionName",
            "functionName '" + function.functionName() + "' is used by more than one function"));
        continue;
      }
      loaded.put(function.functionName(), versions(function, pointer, loader, processes, file, problems));
    }
    LocalFunctions result = new LocalFunctions(Map.copyOf(loaded), timer, processes);
    if (!problems.isEmpty()) {
      result.close();
      throw new ProblemsException("Invalid local Lambda functions", problems);
    }
    return result;
  }

  /**
   * {@code $LATEST} and each numbered version of {@code function}, each loaded as a function of its own, and its
   * aliases. What did load is kept even when a version fails, so that closing releases it.
   */
  private static FunctionVersions versions(FunctionConfig function, String pointer, FunctionLoader loader,
      ProcessFunctionLoader processes, String file, List<Problem> problems) {
    Map<String, LocalFunction> versions = new LinkedHashMap<>();
    load(function, LocalFunction.LATEST, pointer, loader, processes, problems)
        .ifPresent(f -> versions.put(f.version(), f));
    Set<String> numbers = new HashSet<>();
    for (int j = 0; j < function.versions().size(); j++) {
      FunctionVersionConfig version = function.versions().get(j);
      String versionPointer = pointer + "/versions/" + j;
      if (!numbers.add(version.version())) {
        problems.add(new Problem(file, versionPointer + "/version",
            "version '" + version.version() + "' is there twice; version numbers are unique"));
        continue;
      }
      load(function.settingsOf(version), version.version(), versionPointer, loader, processes, problems)
          .ifPresent(f -> versions.put(f.version(), f));
    }
    Map<String, Alias> aliases = new LinkedHashMap<>();
    // An alias of a version that failed to load would only repeat that version's problem.
    if (versions.size() == numbers.size() + 1) {
      for (int j = 0; j < function.aliases().size(); j++) {
        AliasConfig alias = function.aliases().get(j);
        alias(alias, versions, file, pointer + "/aliases/" + j, problems)
            .ifPresent(loadedAlias -> aliases.put(alias.name(), loadedAlias));
      }
    }
    return new FunctionVersions(versions, aliases, () -> ThreadLocalRandom.current().nextDouble());
  }

  private static Optional<? extends LocalFunction> load(FunctionConfig function, String version, String pointer,
      FunctionLoader loader, ProcessFunctionLoader processes, List<Problem> problems) {
    if (function.isolation() == Isolation.IN_PROCESS) {
      return loader.load(function, version, pointer, problems);
    }
    return loader.check(function, pointer, problems)
        .flatMap(code -> processes.load(function, version, code, pointer, problems));
  }

  /** The alias, or empty when it names a version the function lacks. */
  private static Optional<Alias> alias(AliasConfig alias, Map<String, LocalFunction> versions, String file,
      String pointer, List<Problem> problems) {
    LocalFunction primary = versions.get(alias.functionVersion());
    if (primary == null) {
      problems.add(new Problem(file, pointer + "/functionVersion", "alias '" + alias.name() + "' names version '"
          + alias.functionVersion() + "', which the function does not have"));
      return Optional.empty();
    }
    if (alias.additionalVersionWeights().isEmpty()) {
      return Optional.of(new Alias(primary, null, 0));
    }
    Map.Entry<String, Double> weight = alias.additionalVersionWeights().entrySet().iterator().next();
    LocalFunction additional = versions.get(weight.getKey());
    if (additional == null) {
      problems.add(new Problem(file, pointer + "/routingConfig/additionalVersionWeights", "alias '" + alias.name()
          + "' sends invocations to version '" + weight.getKey() + "', which the function does not have"));
      return Optional.empty();
    }
    return Optional.of(new Alias(primary, additional, weight.getValue()));
  }

  /** The local function of this name, with its versions and aliases, if there is one. */
  public Optional<FunctionVersions> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Stops every function's workers and threads and closes their class loaders. */
  @Override
  public void close() {
    byName.values().forEach(FunctionVersions::close);
    processes.close();
    timer.shutdownNow();
  }
}
