package dev.restgate.lambda.internal.local;

import dev.restgate.lambda.FunctionConfig;
import dev.restgate.spi.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one {@code lambda.functions} entry and loads it: opens its code in a {@link FunctionClassLoader}, resolves
 * the handler and creates the handler object (the function's "init"). Problems are reported with the entry's JSON
 * pointer, every one of them, rather than thrown.
 */
final class FunctionLoader {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionLoader.class);
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final String source;
  private final Path base;
  private final String region;
  private final String accountId;
  private final ScheduledExecutorService timer;
  private final Clock clock;

  /**
   * @param source the configuration file, for problems; may be null
   * @param base the directory relative code URIs are resolved against; null for the working directory
   */
  FunctionLoader(String source, Path base, String region, String accountId, ScheduledExecutorService timer,
      Clock clock) {
    this.source = source;
    this.base = base;
    this.region = region;
    this.accountId = accountId;
    this.timer = timer;
    this.clock = clock;
  }

  /** Whether {@code name} is a valid function name; a problem is added when it is not. */
  boolean checkName(FunctionConfig function, String pointer, List<Problem> problems) {
    String name = function.functionName();
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add(problem(pointer + "/functionName",
          "functionName must be 1 to 64 letters, digits, hyphens or underscores, was " + quoted(name)));
      return false;
    }
    return true;
  }

  /**
   * The loaded function, or empty after adding what is wrong with it to {@code problems}.
   *
   * @param version the version {@code function}'s settings are, {@code $LATEST} or a number
   */
  Optional<InProcessFunction> load(FunctionConfig function, String version, String pointer, List<Problem> problems) {
    int before = problems.size();
    if (!HandlerResolver.isWellFormed(function.handler())) {
      problems.add(problem(pointer + "/handler", "handler must be com.example.Handler or "
          + "com.example.Handler::method, was " + quoted(function.handler())));
    }
    Optional<Path> code = check(function, pointer, problems);
    if (problems.size() > before || code.isEmpty()) {
      return Optional.empty();
    }
    if (!function.environment().isEmpty()) {
      LOG.warn("Function {}: environment variables {} are not visible to System.getenv() in a function run "
          + "in-process (see docs/lambda.md)", function.functionName(), function.environment().keySet());
    }
    return init(function, version, code.get(), pointer, problems);
  }

  /**
   * Checks the settings every local function has: its code exists, its timeout and memory are in range.
   *
   * @return the function's code, resolved, or empty after adding what is wrong to {@code problems}
   */
  Optional<Path> check(FunctionConfig function, String pointer, List<Problem> problems) {
    int before = problems.size();
    Path code = function.codeUri() == null ? null : resolve(function.codeUri());
    if (code == null) {
      problems.add(problem(pointer + "/codeUri", "codeUri is required: a jar, a zip or a directory"));
    } else if (!Files.exists(code)) {
      problems.add(problem(pointer + "/codeUri", "codeUri " + code + " does not exist"));
    }
    if (function.timeout() < 1 || function.timeout() > 900) {
      problems.add(problem(pointer + "/timeout", "timeout must be 1 to 900 seconds, was " + function.timeout()));
    }
    if (function.memorySize() < 128 || function.memorySize() > 10240) {
      problems.add(problem(pointer + "/memorySize", "memorySize must be 128 to 10240 MB, was "
          + function.memorySize()));
    }
    return problems.size() > before ? Optional.empty() : Optional.of(code);
  }

  private Optional<InProcessFunction> init(FunctionConfig function, String version, Path code, String pointer,
      List<Problem> problems) {
    FunctionClassLoader loader = FunctionClassLoader.create(code, FunctionLoader.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    Instant started = clock.instant();
    try {
      FunctionHandler handler = new HandlerResolver(loader, new PojoSerializers(loader)).resolve(function.handler());
      Duration init = Duration.between(started, clock.instant());
      return Optional.of(new InProcessFunction(function.functionName(), version, region, accountId, function.timeout(),
          function.memorySize(), loader, handler, init, timer, clock));
    } catch (HandlerException | RuntimeException | LinkageError e) {
      problems.add(problem(pointer + "/handler", "function " + function.functionName() + ": " + e.getMessage()));
      close(loader);
      return Optional.empty();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Path resolve(Path codeUri) {
    return base == null || codeUri.isAbsolute() ? codeUri : base.resolve(codeUri);
  }

  private Problem problem(String pointer, String message) {
    return new Problem(source, pointer, message);
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  private static void close(FunctionClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.debug("Could not close a class loader", e);
    }
  }
}
