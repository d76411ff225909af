package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunction;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.lambda.internal.process.ProcessFunction;
import dev.restgate.spi.LambdaInvokeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions in worker processes behind the Runtime API: AWS's Java runtime interface client and a shell custom
 * runtime, real processes, with the isolation, scaling, timeouts, crashes and clean-up AWS gives them.
 */
class ProcessIsolationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path data;
  private static LocalFunctions functions;

  static FunctionConfig java(String name, String handler, Path code, int timeout, int reservedConcurrency) {
    return new FunctionConfig(name, handler, code, timeout, 256, Map.of("TABLE_NAME", "pets"), "java17",
        Isolation.PROCESS, reservedConcurrency, null);
  }

  static LambdaConfig lambda(FunctionConfig... configs) {
    return new LambdaConfig(null, null, null, List.of(configs), false, Duration.ofSeconds(1), null);
  }

  @BeforeAll
  static void start(@TempDir Path directory) throws Exception {
    data = directory;
    Path classes = Fixtures.get().classesDirectory;
    functions = LocalFunctions.load(lambda(
        java("env", "fixture.Environment", classes, 10, 1),
        java("gate", "fixture.Gate", classes, 60, 2),
        java("sleeper", "fixture.Sleeper", classes, 1, 1),
        java("exit", "fixture.Exit", classes, 10, 1),
        new FunctionConfig("shell", "function.handler", Fixtures.runtimes().resolve("shell"), 10, 128, Map.of(),
            "provided.al2023", Isolation.PROCESS, 2, null),
        LocalFunctionTests.versioned(java("release", "fixture.Release", classes, 10, 1),
            List.of(new FunctionVersionConfig("1", "fixture.ReleaseTwo", classes, null, null, Map.of("LABEL", "one"),
                null)),
            List.of(new AliasConfig("live", "1", null)))), null, data, "us-east-1", "123456789012", Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    functions.close();
  }

  private static Execution invoke(String name, String event) throws LambdaInvokeException {
    return function(name).invoke(request(event), null);
  }

  private static InvocationRequest request(String event) {
    return new InvocationRequest(UUID.randomUUID().toString(), null, event.getBytes(StandardCharsets.UTF_8), null);
  }

  private static LocalFunction function(String name) {
    return functions.find(name).orElseThrow().select(null).orElseThrow();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void anAliasRunsItsVersionsCodeInWorkersThatReportThatVersion() throws Exception {
    LocalFunction live = functions.find("release").orElseThrow().select("live").orElseThrow();
    Execution execution = live.invoke(new InvocationRequest(UUID.randomUUID().toString(), "live",
        "{}".getBytes(StandardCharsets.UTF_8), null), null);
    JsonNode latest = JSON.readTree(JSON.readTree(invoke("release", "{}").payload()).path("body").asText());

    assertThat(execution.functionError()).as(text(execution.payload())).isNull();
    JsonNode body = JSON.readTree(JSON.readTree(execution.payload()).path("body").asText());
    assertThat(body.path("release").asText()).isEqualTo("two");
    assertThat(body.path("functionVersion").asText()).isEqualTo("1");
    assertThat(body.path("environmentVersion").asText()).isEqualTo("1");
    assertThat(body.path("label").asText()).isEqualTo("one");
    assertThat(body.path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:release:live");
    assertThat(body.path("logStreamName").asText()).contains("/[1]");
    assertThat(latest.path("release").asText()).isEqualTo("one");
    assertThat(latest.path("environmentVersion").asText()).isEqualTo("$LATEST");
    assertThat(latest.path("label").isNull()).isTrue();
  }

  @Test
  void javaHandlerSeesItsVariablesAndNotTheGatewaysEnvironment() throws Exception {
    Execution execution = invoke("env", "{}");

    assertThat(execution.functionError()).as(text(execution.payload())).isNull();
    JsonNode environment = JSON.readTree(execution.payload());
    assertThat(environment.path("TABLE_NAME").asText()).isEqualTo("pets");
    assertThat(environment.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("env");
    assertThat(environment.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
    assertThat(environment.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
    assertThat(environment.path("AWS_REGION").asText()).isEqualTo("us-east-1");
    assertThat(environment.path("_HANDLER").asText()).isEqualTo("fixture.Environment");
    assertThat(environment.path("AWS_LAMBDA_RUNTIME_API").asText()).startsWith("127.0.0.1:");
    assertThat(environment.path("TZ").asText()).isEqualTo(":UTC");
    assertThat(environment.path("PATH").asText()).isEqualTo("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    assertThat(environment.has("HOME")).isFalse();
    assertThat(environment.has("MAVEN_CMD_LINE_ARGS")).isFalse();
    assertThat(text(execution.logTail())).contains("environment asked for by " + execution.requestId())
        .contains("REPORT RequestId: " + execution.requestId()).contains("Max Memory Used: ");
  }

  @Test
  void shellCustomRuntimeAnswersThroughTheRuntimeApi() throws Exception {
    Execution execution = invoke("shell", "{\"path\":\"/pets\"}");

    assertThat(execution.functionError()).isNull();
    assertThat(JSON.readTree(execution.payload()).path("body").asText())
        .isEqualTo("handled by function.handler in AWS_Lambda_provided.al2023");
    assertThat(text(execution.logTail())).contains("shell runtime got an event of 16 bytes");
  }

  @Test
  void concurrentInvocationsScaleToTheReservedConcurrencyAndAreThrottledBeyondIt() throws Exception {
    Path gate = Files.createDirectories(data.resolve("gate-" + UUID.randomUUID()));
    String event = JSON.writeValueAsString(Map.of("directory", gate.toString()));
    List<CompletableFuture<Execution>> running = new ArrayList<>();
    running.add(function("gate").start(request(event)));
    running.add(function("gate").start(request(event)));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (started(gate) < 2) {
      for (CompletableFuture<Execution> invocation : running) {
        if (invocation.isDone()) {
          fail("an invocation of gate ended before both workers started: " + text(invocation.get().payload()));
        }
      }
      assertThat(System.nanoTime() - deadline).as("the two workers of gate did not start within 2 minutes")
          .isNegative();
      Thread.sleep(20);
    }

    assertThat(((ProcessFunction) function("gate")).workerCount()).isEqualTo(2);
    assertThatThrownBy(() -> invoke("gate", event)).isInstanceOfSatisfying(LambdaInvokeException.class,
        e -> assertThat(e.reason()).isEqualTo(LambdaInvokeException.Reason.THROTTLED));
    Files.createFile(gate.resolve("open"));
    for (CompletableFuture<Execution> invocation : running) {
      assertThat(text(invocation.get(60, TimeUnit.SECONDS).payload())).isEqualTo("\"passed\"");
    }
  }

  private static long started(Path gate) throws Exception {
    try (Stream<Path> files = Files.list(gate)) {
      return files.filter(f -> f.getFileName().toString().startsWith("started-")).count();
    }
  }

  @Test
  void timeoutKillsTheWorkerAndTheNextInvocationGetsAFreshOne() throws Exception {
    Execution timedOut = invoke("sleeper", "{}");

    assertThat(timedOut.functionError()).isEqualTo("Unhandled");
    assertThat(JSON.readTree(timedOut.payload()).path("errorMessage").asText())
        .isEqualTo("RequestId: " + timedOut.requestId() + " Error: Task timed out after 1.00 seconds");
    assertThat(text(timedOut.logTail())).contains("Status: timeout");
    Execution next = invoke("sleeper", "{}");
    assertThat(JSON.readTree(next.payload()).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
    assertThat(text(next.logTail())).contains("Init Duration: ");
    assertThat(invoke("env", "{}").functionError()).isNull();
  }

  @Test
  void crashReportsRuntimeExitErrorAndLeavesOtherFunctionsAlone() throws Exception {
    Execution crash = invoke("exit", "{}");

    assertThat(crash.functionError()).isEqualTo("Unhandled");
    JsonNode error = JSON.readTree(crash.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
    assertThat(error.path("errorMessage").asText())
        .isEqualTo("RequestId: " + crash.requestId() + " Error: Runtime exited with error: exit status 3");
    assertThat(invoke("env", "{}").functionError()).isNull();
    assertThat(JSON.readTree(invoke("exit", "{}").payload()).path("errorType").asText())
        .isEqualTo("Runtime.ExitError");
  }

  @Test
  void idleWorkersStop() throws Exception {
    ProcessFunction shell = (ProcessFunction) function("shell");
    invoke("shell", "{}");
    while (shell.workerCount() > 0) {
      Thread.sleep(50);
    }
    assertThat(invoke("shell", "{}").functionError()).isNull();
  }

  @Test
  void workersDieWithTheGatewayEvenWhenItIsKilled() throws Exception {
    Process gateway = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), WorkerPoolMain.class.getName(),
        Fixtures.get().classesDirectory.toString(), data.resolve("child").toString())
        .redirectErrorStream(true).start();
    List<ProcessHandle> workers = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(gateway.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.equals("ready")) {
        if (line.startsWith("worker ")) {
          ProcessHandle.of(Long.parseLong(line.substring(7))).ifPresent(workers::add);
        }
      }
      assertThat(line).as("the child gateway's output ended early").isEqualTo("ready");
      assertThat(workers).isNotEmpty();

      gateway.destroyForcibly().waitFor();
    }
    for (ProcessHandle worker : workers) {
      worker.onExit().get(60, TimeUnit.SECONDS);
      assertThat(worker.isAlive()).isFalse();
    }
  }
}
