package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambda.jdks}: each Java runtime's workers run on the JDK named for it. */
class JdkPerRuntimeTest {
  private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private static FunctionConfig java(String name, String runtime) {
    return new FunctionConfig(name, "fixture.JavaVersion", Fixtures.get().classesDirectory, 10, 256, Map.of(),
        runtime, Isolation.PROCESS, 1, null);
  }

  @Test
  void eachJavaRuntimeRunsOnItsConfiguredJdk(@TempDir Path data) throws Exception {
    assumeTrue(Files.isExecutable(JDK17.resolve("bin/java")) && Files.isExecutable(JDK25.resolve("bin/java")),
        "this test needs the JDKs " + JDK17 + " and " + JDK25);
    LambdaConfig lambda = new LambdaConfig(null, null, null, List.of(java("on17", "java17"), java("on25", "java25")),
        false, Duration.ofSeconds(30), null, Map.of("java17", JDK17, "java25", JDK25), null, false);

    try (LocalFunctions functions = LocalFunctions.load(lambda, null, data, "us-east-1", "123456789012",
        Clock.systemUTC())) {
      assertThat(javaVersion(functions, "on17")).startsWith("\"17.");
      assertThat(javaVersion(functions, "on25")).startsWith("\"25");
    }
  }

  private static String javaVersion(LocalFunctions functions, String name) throws Exception {
    Execution execution = functions.find(name).orElseThrow().select(null).orElseThrow().invoke(
        new InvocationRequest(UUID.randomUUID().toString(), null, "{}".getBytes(StandardCharsets.UTF_8), null), null);
    String payload = new String(execution.payload(), StandardCharsets.UTF_8);
    assertThat(execution.functionError()).as(payload).isNull();
    return payload;
  }
}
