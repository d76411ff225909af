package dev.restgate.lambda;

import java.nio.file.Path;
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
 *     (0 for {@link #DEFAULT_RESERVED_CONCURRENCY})
 * @param asyncInvoke retries and failure destination of {@code Event} invocations; null for AWS's defaults
 */
public record FunctionConfig(String functionName, String handler, Path codeUri, int timeout, int memorySize,
    Map<String, String> environment, String runtime, Isolation isolation, int reservedConcurrency,
    AsyncInvokeConfig asyncInvoke) {
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
  }
}
