package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.invoke;
import static dev.restgate.lambda.LocalFunctionTests.lambda;
import static dev.restgate.lambda.LocalFunctionTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaInvoker.Invocation;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a local function answers when it fails, runs too long, or answers too much; and that it runs concurrently. */
class FunctionFailureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestModuleContext configuration;
  private static LambdaInvoker invoker;

  @BeforeAll
  static void start() throws Exception {
    Fixtures fixtures = Fixtures.get();
    TestModuleContext context = new TestModuleContext(lambda(
        function("failing", "fixture.Failing", fixtures.classesDirectory),
        function("oldest", "fixture.Oldest", fixtures.classesDirectory),
        function("sleeper", "fixture.Sleeper", fixtures.classesDirectory, 1),
        function("big", "fixture.Methods::big", fixtures.classesDirectory),
        function("rendezvous", "fixture.Rendezvous", fixtures.classesDirectory, 10)), Clock.systemUTC());
    configuration = context;
    new LambdaModule().configure(context);
    invoker = context.invoker();
  }

  @AfterAll
  static void stop() throws Exception {
    configuration.close();
  }

  @Test
  void exceptionBecomesTheJavaRuntimeErrorDocument() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "failing", "{}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(result.payload());
    assertThat(error.path("errorMessage").asText()).isEqualTo("boom");
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("stackTrace").get(0).asText()).startsWith("fixture.Failing.handleRequest(Failing.java:");
    assertThat(error.path("stackTrace").toString()).doesNotContain("dev.restgate");
    assertThat(error.path("cause").path("errorMessage").asText()).isEqualTo("root cause");
    assertThat(error.path("cause").path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.path("cause").has("cause")).isFalse();
  }

  @Test
  void eventThatDoesNotFitTheInputTypeIsAJsonParsingError() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "oldest", "\"not people\"");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(result.payload());
    assertThat(error.path("errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.RuntimeException");
    assertThat(error.path("stackTrace").size()).isZero();
    assertThat(error.path("cause").path("errorType").asText()).isEqualTo("java.io.UncheckedIOException");
  }

  @Test
  void functionRunningPastItsTimeoutAnswersTheSandboxTimeout() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "sleeper", "{}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(result.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(error.path("errorMessage").asText())
        .matches("RequestId: [0-9a-f-]{36} Error: Task timed out after 1\\.00 seconds");
  }

  @Test
  void callerGivingUpBeforeTheFunctionTimesOutIsAnInvokeTimeout() {
    Invocation invocation = new Invocation("sleeper", null, "{}".getBytes(), Duration.ofMillis(100), null);

    assertThatThrownBy(() -> invoker.invoke(invocation))
        .isInstanceOfSatisfying(LambdaInvokeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
  }

  @Test
  void responseOverSixMegabytesIsAFunctionError() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "big", "7");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload())).isEqualTo("{\"errorMessage\":\"Response payload size exceeded maximum "
        + "allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
  }

  @Test
  void invocationsOfOneFunctionRunConcurrently() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = callers.submit(() -> text(invoke(invoker, "rendezvous", "{}").payload()));
      Future<String> second = callers.submit(() -> text(invoke(invoker, "rendezvous", "{}").payload()));

      assertThat(first.get()).isEqualTo("\"met\"");
      assertThat(second.get()).isEqualTo("\"met\"");
    } finally {
      callers.shutdownNow();
    }
  }
}
