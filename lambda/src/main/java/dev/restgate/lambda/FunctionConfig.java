package dev.restgate.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * A local Java function, run in-process as the AWS Java runtime would run it.
 *
 * @param functionName the name integrations and the Invoke API use ({@code arn:...:function:NAME} resolves to it)
 * @param handler {@code com.example.Handler} or {@code com.example.Handler::method}
 * @param codeUri a jar file or a classes directory, resolved against the configuration file's directory
 * @param timeout seconds, 1 to 900 (default 3)
 * @param memorySize MB, 128 to 10240 (default 128)
 * @param environment the function's environment variables
 */
public record FunctionConfig(String functionName, String handler, Path codeUri, int timeout, int memorySize,
    Map<String, String> environment) {
  public static final int DEFAULT_TIMEOUT_SECONDS = 3;
  public static final int DEFAULT_MEMORY_SIZE = 128;

  public FunctionConfig {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }
}
