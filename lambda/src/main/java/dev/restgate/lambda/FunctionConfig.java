package dev.restgate.lambda;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local function: its code, the runtime that runs it and how it is isolated from the gateway.
 *
 * @param functionName the name integrations and the Invoke API use ({@code arn:...:function:NAME} resolves to it)
 * @param handler as the runtime names handlers: {@code com.example.Handler[::method]} for Java, {@code module.function}
 *     for Python, anything (passed as {@code _HANDLER}) for custom runtimes
 * @param codeUri a jar, zip or directory, resolved against the configuration file's directory
 * @param timeout seconds, 1 to 900 (0 for the default, 3)
 * @param memorySize MB, 128 to 10240 (0 for the default, 128)
 * @param environment the function's environment variables
 * @param runtime AWS's runtime identifier ({@code java21}, {@code python3.12}, {@code provided.al2023}, ...)
 * @param isolation whether the function runs in worker processes or inside the gateway's JVM
 * @param reservedConcurrency the most worker processes (and so concurrent invocations) of the function, 1 to 1000
 *     (0 for {@link #DEFAULT_RESERVED_CONCURRENCY}); each version has workers of its own up to this number
 * @param asyncInvoke retries and failure destination of {@code Event} invocations (of every version and alias); null
 *     for AWS's defaults
 * @param versions the function's numbered versions; the settings above are {@code $LATEST}'s
 * @param aliases names for versions, each maybe sending a share of its invocations to a second version
 */
public record FunctionConfig(String functionName, String handler, Path codeUri, int timeout, int memorySize,
    Map<String, String> environment, String runtime, Isolation isolation, int reservedConcurrency,
    AsyncInvokeConfig asyncInvoke, List<FunctionVersionConfig> versions, List<AliasConfig> aliases) {
  public static final int DEFAULT_TIMEOUT_SECONDS = 3;
  public static final int DEFAULT_MEMORY_SIZE = 128;
  public static final String DEFAULT_RUNTIME = "java21";
  /** Worker processes one function may run at once when {@code reservedConcurrency} is not set. */
  public static final int DEFAULT_RESERVED_CONCURRENCY = 10;

  /** Where a function's code runs. */
  public enum Isolation {
    /** Worker processes behind the Lambda Runtime API, one invocation at a time each, as on AWS. */
    PROCESS,
    /** Inside the gateway's JVM (Java only): the fastest round trip, no isolation. */
    IN_PROCESS
  }

  public FunctionConfig {
    timeout = timeout == 0 ? DEFAULT_TIMEOUT_SECONDS : timeout;
    memorySize = memorySize == 0 ? DEFAULT_MEMORY_SIZE : memorySize;
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    runtime = runtime == null ? DEFAULT_RUNTIME : runtime;
    isolation = isolation == null ? Isolation.PROCESS : isolation;
    reservedConcurrency = reservedConcurrency == 0 ? DEFAULT_RESERVED_CONCURRENCY : reservedConcurrency;
    asyncInvoke = asyncInvoke == null ? AsyncInvokeConfig.DEFAULT : asyncInvoke;
    versions = versions == null ? List.of() : List.copyOf(versions);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** A function with {@code $LATEST} only and AWS's defaults for {@code Event} invocations. */
  public FunctionConfig(String functionName, String handler, Path codeUri, int timeout, int memorySize,
      Map<String, String> environment, String runtime, Isolation isolation, int reservedConcurrency) {
    this(functionName, handler, codeUri, timeout, memorySize, environment, runtime, isolation, reservedConcurrency,
        null, List.of(), List.of());
  }

  /** A function with {@code $LATEST} only. */
  public FunctionConfig(String functionName, String handler, Path codeUri, int timeout, int memorySize,
      Map<String, String> environment, String runtime, Isolation isolation, int reservedConcurrency,
      AsyncInvokeConfig asyncInvoke) {
    this(functionName, handler, codeUri, timeout, memorySize, environment, runtime, isolation, reservedConcurrency,
        asyncInvoke, List.of(), List.of());
  }

  /** A function with versions and aliases and AWS's defaults for {@code Event} invocations. */
  public FunctionConfig(String functionName, String handler, Path codeUri, int timeout, int memorySize,
      Map<String, String> environment, String runtime, Isolation isolation, int reservedConcurrency,
      List<FunctionVersionConfig> versions, List<AliasConfig> aliases) {
    this(functionName, handler, codeUri, timeout, memorySize, environment, runtime, isolation, reservedConcurrency,
        null, versions, aliases);
  }

  /**
   * The settings {@code version} runs with: its own where it has them, this function's otherwise; a function of its
   * own (without versions or aliases), as the loaders take it.
   */
  public FunctionConfig settingsOf(FunctionVersionConfig version) {
    return new FunctionConfig(functionName, version.handler() == null ? handler : version.handler(),
        version.codeUri(), version.timeout() == null ? timeout : version.timeout(),
        version.memorySize() == null ? memorySize : version.memorySize(),
        version.environment() == null ? environment : version.environment(),
        version.runtime() == null ? runtime : version.runtime(), isolation, reservedConcurrency, asyncInvoke);
  }
}
