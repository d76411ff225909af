package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.aliased;
import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.invoke;
import static dev.restgate.lambda.LocalFunctionTests.unsignedInvokeApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.lambda.CredentialsConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaInvoker.Invocation;
import dev.restgate.testing.EmbeddedGateway;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway without local functions invokes through the AWS SDK: here against another gateway's Invoke API over
 * real HTTP, with static dummy credentials, as it would against AWS.
 */
class SdkLambdaInvokerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedGateway server;
  private static TestModuleContext clientConfiguration;
  private static LambdaInvoker invoker;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    Fixtures fixtures = Fixtures.get();
    server = EmbeddedGateway.start(GatewayConfig.builder().section(LambdaConfig.class, unsignedInvokeApi(
        aliased(function("context", "fixture.ContextReport", fixtures.classesDirectory), "live"),
        function("failing", "fixture.Failing", fixtures.classesDirectory),
        function("sleeper", "fixture.Sleeper", fixtures.classesDirectory, 2))).build(), data.resolve("server"));

    TestModuleContext clientContext = new TestModuleContext(remoteOnly(server.uri("").toString()),
        Clock.systemUTC());
    clientConfiguration = clientContext;
    new LambdaModule().configure(clientContext);
    invoker = clientContext.invoker();
  }

  @AfterAll
  static void stop() throws Exception {
    clientConfiguration.close();
    server.close();
  }

  @Test
  void functionThatIsNotLocalIsInvokedThroughTheLambdaApi() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "context", "{}");

    assertThat(result.functionError()).isNull();
    assertThat(result.executedVersion()).isEqualTo("$LATEST");
    assertThat(JSON.readTree(result.payload()).path("functionName").asText()).isEqualTo("context");
  }

  @Test
  void arnAndQualifierArePassedAsTheSdkSendsThem() throws Exception {
    LambdaInvoker.Result result = invoker.invoke(new Invocation(
        "arn:aws:lambda:us-east-1:123456789012:function:context", "live", "{}".getBytes(), Duration.ofSeconds(5),
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets"));

    assertThat(JSON.readTree(result.payload()).path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context:live");
  }

  @Test
  void functionErrorIsAResult() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "failing", "{}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(JSON.readTree(result.payload()).path("errorType").asText())
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void unknownFunctionIsFunctionNotFound() {
    assertThatThrownBy(() -> invoke(invoker, "nope", "{}")).isInstanceOfSatisfying(LambdaInvokeException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.FUNCTION_NOT_FOUND));
  }

  @Test
  void eventInvocationsGoThroughTheLambdaApiWithItsErrors() throws Exception {
    // The sleeper runs longer than the caller's 300 ms: an Event invocation does not wait for it.
    invoker.invokeAsync(new Invocation("sleeper", null, "{}".getBytes(), Duration.ofMillis(300), null));

    assertThatThrownBy(() -> invoker.invokeAsync(new Invocation("nope", null, "{}".getBytes(), Duration.ofSeconds(5),
        null))).isInstanceOfSatisfying(LambdaInvokeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FUNCTION_NOT_FOUND));
  }

  @Test
  void callerTimeoutIsTimeout() {
    Invocation invocation = new Invocation("sleeper", null, "{}".getBytes(), Duration.ofMillis(300), null);

    assertThatThrownBy(() -> invoker.invoke(invocation)).isInstanceOfSatisfying(LambdaInvokeException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
  }

  @Test
  void unreachableEndpointIsAServiceError() throws Exception {
    TestModuleContext context = new TestModuleContext(remoteOnly("http://127.0.0.1:1"), Clock.systemUTC());
    new LambdaModule().configure(context);
    try {
      assertThatThrownBy(() -> invoke(context.invoker(), "context", "{}"))
          .isInstanceOfSatisfying(LambdaInvokeException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.SERVICE_ERROR));
    } finally {
      context.close();
    }
  }

  private static LambdaConfig remoteOnly(String endpoint) {
    return new LambdaConfig("us-east-1", endpoint, new CredentialsConfig("AKIDEXAMPLE", "secret", null), List.of(),
        true, null, null);
  }
}
