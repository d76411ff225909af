package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.lambdaClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.GatewayConfig;
import dev.restgate.lambda.AsyncInvokeConfig.OnFailure;
import dev.restgate.lambda.FunctionConfig.Isolation;
import dev.restgate.testing.EmbeddedGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@code Event} invocations over the Invoke API, with the AWS SDK as the client: answered 202 at once, queued on disk,
 * retried after function errors, given to the on-failure destination, and delivered after a restart. The fixture
 * functions append every event they get to a file per function, which the tests watch.
 */
class AsyncInvocationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Short enough that a test does not wait for AWS's minutes. */
  private static final List<Duration> QUICK_RETRIES = List.of(Duration.ofMillis(50), Duration.ofMillis(100));
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir
  static Path appended;

  @BeforeAll
  static void watchAppendedEvents() {
    System.setProperty("fixture.appender.directory", appended.toString());
  }

  @AfterAll
  static void stopWatching() {
    System.clearProperty("fixture.appender.directory");
  }

  @Test
  void eventAnswers202AndTheFunctionRuns(@TempDir Path data) throws Exception {
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(), function("keeper", "fixture.Appender", null, 2));
        LambdaClient lambda = lambdaClient(gateway)) {
      InvokeResponse response = event(lambda, "keeper", "{\"letter\":\"one\"}");

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.payload().asByteArray()).isEmpty();
      assertThat(awaitLines("keeper", 1)).containsExactly("{\"letter\":\"one\"}");
      awaitEmptyQueue(data, "keeper");
    }
  }

  @Test
  void failingEventIsRetriedThenWrittenToTheDeadLetterFile(@TempDir Path data) throws Exception {
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(),
        function("doomed", "fixture.FailingAppender", new OnFailure("failed/doomed.jsonl", null), 2));
        LambdaClient lambda = lambdaClient(gateway)) {
      String requestId = event(lambda, "doomed", "{\"try\":\"me\"}").responseMetadata().requestId();

      JsonNode record = JSON.readTree(await(data.resolve("failed/doomed.jsonl"), 1).get(0));
      assertThat(lines("doomed")).hasSize(3);
      assertThat(record.path("version").asText()).isEqualTo("1.0");
      assertThat(Instant.parse(record.path("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
      JsonNode context = record.path("requestContext");
      assertThat(context.path("requestId").asText()).isEqualTo(requestId);
      assertThat(context.path("functionArn").asText())
          .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:doomed:$LATEST");
      assertThat(context.path("condition").asText()).isEqualTo("RetriesExhausted");
      assertThat(context.path("approximateInvokeCount").asInt()).isEqualTo(3);
      assertThat(record.path("requestPayload")).isEqualTo(JSON.readTree("{\"try\":\"me\"}"));
      assertThat(record.path("responseContext")).isEqualTo(JSON.readTree(
          "{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}"));
      assertThat(record.path("responsePayload").path("errorMessage").asText()).isEqualTo("kept, then failed");
      assertThat(queued(data, "doomed")).isEmpty();
    }
  }

  @Test
  void destinationFunctionReceivesTheRecord(@TempDir Path data) throws Exception {
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(),
        function("once", "fixture.FailingAppender", new OnFailure(null, "collector"), 0),
        function("collector", "fixture.Appender", null, 2));
        LambdaClient lambda = lambdaClient(gateway)) {
      event(lambda, "once", "{\"only\":\"once\"}");

      JsonNode record = JSON.readTree(awaitLines("collector", 1).get(0));
      assertThat(lines("once")).hasSize(1);
      assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
      assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
      assertThat(record.path("requestPayload").path("only").asText()).isEqualTo("once");
    }
  }

  /**
   * The first attempt fails and the retry is an hour away when the gateway stops; a gateway started later on the
   * same data directory (its clock past the hour) runs the retry, once.
   */
  @Test
  void queuedEventsAreDeliveredAfterARestart(@TempDir Path data) throws Exception {
    List<Duration> hourly = List.of(Duration.ofHours(1), Duration.ofHours(1));
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(), hourly,
        function("patient", "fixture.FailingAppender", null, 1));
        LambdaClient lambda = lambdaClient(gateway)) {
      event(lambda, "patient", "{\"wait\":\"for it\"}");
      awaitLines("patient", 1);
    }
    assertThat(queued(data, "patient")).hasSize(1);

    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61));
    try (EmbeddedGateway gateway = start(data, later, hourly, function("patient", "fixture.Appender", null, 1))) {
      assertThat(awaitLines("patient", 2)).containsExactly("{\"wait\":\"for it\"}", "{\"wait\":\"for it\"}");
      awaitEmptyQueue(data, "patient");
    }
    assertThat(lines("patient")).hasSize(2);
  }

  private static FunctionConfig function(String name, String handler, OnFailure onFailure, int retries) {
    return new FunctionConfig(name, handler, Fixtures.get().classesDirectory, 3, 256, Map.of(), null,
        Isolation.IN_PROCESS, 0, new AsyncInvokeConfig(retries, 7200, onFailure));
  }

  private static EmbeddedGateway start(Path data, Clock clock, FunctionConfig... functions) throws Exception {
    return start(data, clock, QUICK_RETRIES, functions);
  }

  private static EmbeddedGateway start(Path data, Clock clock, List<Duration> retryDelays,
      FunctionConfig... functions) throws Exception {
    LambdaConfig lambda = new LambdaConfig(null, null, null, List.of(functions), false, null, retryDelays);
    return EmbeddedGateway.start(GatewayConfig.builder().section(LambdaConfig.class, lambda).build(), data, clock,
        AsyncInvocationTest.class.getClassLoader());
  }

  private static InvokeResponse event(LambdaClient lambda, String function, String payload) {
    return lambda.invoke(r -> r.functionName(function).invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromUtf8String(payload)));
  }

  private static List<String> lines(String function) throws IOException {
    Path file = appended.resolve(function + ".jsonl");
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  private static List<String> awaitLines(String function, int count) throws Exception {
    return await(appended.resolve(function + ".jsonl"), count);
  }

  /** The file's lines once it has {@code count} of them; fails after {@link #PATIENCE}. */
  private static List<String> await(Path file, int count) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() >= count) {
          return lines;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(file + " did not get " + count + " lines within " + PATIENCE);
  }

  private static void awaitEmptyQueue(Path data, String function) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!queued(data, function).isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(queued(data, function)).isEmpty();
  }

  private static List<Path> queued(Path data, String function) throws IOException {
    Path queue = data.resolve("lambda/async").resolve(function);
    if (!Files.isDirectory(queue)) {
      return List.of();
    }
    try (var files = Files.list(queue)) {
      return files.toList();
    }
  }
}
