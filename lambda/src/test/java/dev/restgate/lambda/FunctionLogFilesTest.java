package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda.logFiles}: each function's worker output and START, END and REPORT lines in a file of its own. */
class FunctionLogFilesTest {
  private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00 "
      + "\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST\\][0-9a-f]{32} ";

  private static FunctionConfig function(String name, String handler, String directory, String runtime) {
    return new FunctionConfig(name, handler, Fixtures.runtimes().resolve(directory), 10, 128, Map.of(), runtime,
        Isolation.PROCESS, 1, null);
  }

  private static Execution invoke(LocalFunctions functions, String name) throws Exception {
    return functions.find(name).orElseThrow().select(null).orElseThrow().invoke(new InvocationRequest(
        UUID.randomUUID().toString(), null, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), null), null);
  }

  /** The file's text once it satisfies {@code condition}; the writer flushes on its own thread. */
  private static String await(Path file, Predicate<String> condition) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      text = Files.exists(file) ? Files.readString(file) : "";
      if (condition.test(text)) {
        return text;
      }
      Thread.sleep(20);
    }
    return text;
  }

  @Test
  void workerOutputAndRuntimeLinesGoToTheFunctionsFile(@TempDir Path data) throws Exception {
    LambdaConfig lambda = new LambdaConfig(null, null, null, List.of(
        function("shell", "function.handler", "shell", "provided"),
        function("failing", "app.failing", "python", "python3.12")), false, Duration.ofSeconds(30), null, null,
        null, true);

    try (LocalFunctions functions = LocalFunctions.load(lambda, null, data, "us-east-1", "123456789012",
        Clock.systemUTC())) {
      String shellId = invoke(functions, "shell").requestId();
      String failingId = invoke(functions, "failing").requestId();

      Path logs = data.resolve("lambda/logs");
      String shell = await(logs.resolve("shell.log"), text -> text.contains("REPORT RequestId: " + shellId)
          && text.contains("shell runtime got an event"));
      assertThat(shell).containsPattern(Pattern.compile("^" + LINE_START + "START RequestId: " + shellId
          + " Version: \\$LATEST$", Pattern.MULTILINE));
      assertThat(shell).containsPattern(Pattern.compile("^" + LINE_START + "shell runtime got an event of 7 bytes$",
          Pattern.MULTILINE));
      assertThat(shell).containsPattern(Pattern.compile("^" + LINE_START + "END RequestId: " + shellId + "$",
          Pattern.MULTILINE));
      assertThat(shell).doesNotContain(failingId);
      String failing = await(logs.resolve("failing.log"), text -> text.contains("REPORT RequestId: " + failingId)
          && text.contains("[ERROR] ValueError"));
      assertThat(failing).containsPattern(Pattern.compile("^" + LINE_START + "\\[ERROR\\] ValueError: boom 1\n"
          + "Traceback \\(most recent call last\\):\n  File .*app\\.py", Pattern.MULTILINE));
    }
  }

  @Test
  void withoutTheSettingNoFileIsWritten(@TempDir Path data) throws Exception {
    LambdaConfig lambda = new LambdaConfig(null, null, null,
        List.of(function("shell", "function.handler", "shell", "provided")), false, Duration.ofSeconds(30), null);

    try (LocalFunctions functions = LocalFunctions.load(lambda, null, data, "us-east-1", "123456789012",
        Clock.systemUTC())) {
      assertThat(invoke(functions, "shell").functionError()).isNull();
    }
    assertThat(data.resolve("lambda/logs")).doesNotExist();
  }
}
