package dev.restgate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.spi.ProblemsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Node.js function whose package bundles no {@code aws-lambda-ric}, with no {@code lambda.nodeRuntimeClient}. */
class NodeRuntimeClientMissingTest {
  @Test
  void startFailsNamingNpmInstall(@TempDir Path data) {
    LambdaConfig lambda = new LambdaConfig(null, null, null, List.of(new FunctionConfig("node", "index.handler",
        Fixtures.runtimes().resolve("node"), 3, 128, Map.of(), "nodejs20.x", Isolation.PROCESS, 1, null)), false,
        Duration.ofSeconds(30), null);

    ProblemsException problems = catchThrowableOfType(() -> LocalFunctions.load(lambda, null, data, "us-east-1",
        "123456789012", Clock.systemUTC()), ProblemsException.class);

    assertThat(problems.problems()).singleElement().satisfies(problem -> assertThat(problem.toString())
        .contains("/lambda/functions/0/runtime").contains("npm install aws-lambda-ric")
        .contains("lambda.nodeRuntimeClient"));
  }
}
