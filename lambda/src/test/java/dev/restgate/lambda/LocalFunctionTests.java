package dev.restgate.lambda;

import dev.restgate.lambda.FunctionConfig;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.LambdaConfig;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaInvoker.Invocation;
import dev.restgate.testing.EmbeddedGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Shorthands for the tests of local functions. */
final class LocalFunctionTests {
  private LocalFunctionTests() {}

  /** An in-process Java function, the runtime most tests are about. */
  static FunctionConfig function(String name, String handler, Path codeUri) {
    return function(name, handler, codeUri, 3);
  }

  static FunctionConfig function(String name, String handler, Path codeUri, int timeoutSeconds) {
    return new FunctionConfig(name, handler, codeUri, timeoutSeconds, 256, Map.of(), null, Isolation.IN_PROCESS, 0, null);
  }

  /** {@code function} with aliases that all point to {@code $LATEST}, so qualified calls find it. */
  static FunctionConfig aliased(FunctionConfig function, String... aliases) {
    return versioned(function, List.of(),
        Arrays.stream(aliases).map(name -> new AliasConfig(name, "$LATEST", null)).toList());
  }

  static FunctionConfig versioned(FunctionConfig function, List<FunctionVersionConfig> versions,
      List<AliasConfig> aliases) {
    return new FunctionConfig(function.functionName(), function.handler(), function.codeUri(), function.timeout(),
        function.memorySize(), function.environment(), function.runtime(), function.isolation(),
        function.reservedConcurrency(), function.asyncInvoke(), versions, aliases);
  }

  static LambdaConfig lambda(FunctionConfig... functions) {
    return new LambdaConfig(null, null, null, List.of(functions), true, null, null);
  }

  /**
   * Local functions behind an Invoke API that checks no signatures ({@code invokeApiAuthorization: NONE}): this
   * module's tests run without the module that checks them, which has its own tests of signed calls.
   */
  static LambdaConfig unsignedInvokeApi(FunctionConfig... functions) {
    return new LambdaConfig(null, null, null, List.of(functions), false, null, null);
  }

  /** The AWS SDK's Lambda client against the gateway's Invoke API, as users point it with an endpoint override. */
  static LambdaClient lambdaClient(EmbeddedGateway gateway) {
    return LambdaClient.builder()
        .endpointOverride(gateway.uri(""))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(Apache5HttpClient.create())
        .build();
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
