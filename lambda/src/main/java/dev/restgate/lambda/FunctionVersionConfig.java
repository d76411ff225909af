package dev.restgate.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * A numbered, published version of a local function ({@code lambda.functions[].versions}): its own code and, where
 * given, its own settings. A setting left out (null) is the function's own, that is {@code $LATEST}'s; an
 * {@code environment} that is given replaces the function's variables as a whole, since on AWS a version is a
 * snapshot of its whole configuration.
 *
 * @param version a positive whole number, as text ({@code "1"}, {@code "2"}, ...)
 * @param handler the version's handler, or null for the function's
 * @param codeUri the version's package (jar, zip or directory)
 * @param timeout seconds, or null for the function's
 * @param memorySize MB, or null for the function's
 * @param environment the version's variables, or null for the function's
 * @param runtime the version's runtime, or null for the function's
 */
public record FunctionVersionConfig(String version, String handler, Path codeUri, Integer timeout,
    Integer memorySize, Map<String, String> environment, String runtime) {
  public FunctionVersionConfig {
    environment = environment == null ? null : Map.copyOf(environment);
  }
}
