package dev.restgate.lambda;

import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaInvoker.Invocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Shorthands for the tests of local functions. */
final class LocalFunctionTests {
  private LocalFunctionTests() {}

  /** An in-process Java function, the runtime most tests are about. */
  static FunctionConfig function(String name, String handler, Path codeUri) {
    return function(name, handler, codeUri, 3);
  }

  static FunctionConfig function(String name, String handler, Path codeUri, int timeoutSeconds) {
    return new FunctionConfig(name, handler, codeUri, timeoutSeconds, 256, Map.of(), null, Isolation.IN_PROCESS, 0);
  }

  static LambdaConfig lambda(FunctionConfig... functions) {
    return new LambdaConfig(null, null, null, List.of(functions), true, null);
  }

  /**
   * Local functions behind an Invoke API that checks no signatures ({@code invokeApiAuthorization: NONE}): this
   * module's tests run without the module that checks them, which has its own tests of signed calls.
   */
  static LambdaConfig unsignedInvokeApi(FunctionConfig... functions) {
    return new LambdaConfig(null, null, null, List.of(functions), false, null);
  }

  static LambdaInvoker.Result invoke(LambdaInvoker invoker, String function, String payload)
      throws LambdaInvokeException {
    return invoker.invoke(new Invocation(function, null, payload.getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(10), null));
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
