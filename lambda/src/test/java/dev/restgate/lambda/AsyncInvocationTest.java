package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.lambdaClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

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
  /** Worker processes start slowly on a busy machine, and throttled deliveries back off for seconds. */
  private static final Duration PROCESS_PATIENCE = Duration.ofMinutes(2);
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

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

  /**
   * The event waits for its retry while the alias moves from version 1 (which fails) to version 2: the retry, in the
   * gateway started with the new configuration, runs version 2.
   */
  @Test
  void anEventForAnAliasRunsTheVersionTheAliasNamesWhenItIsDelivered(@TempDir Path data) throws Exception {
    List<Duration> hourly = List.of(Duration.ofHours(1), Duration.ofHours(1));
    OnFailure deadLetters = new OnFailure("failed/moving.jsonl", null);
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(), hourly, releases("moving", deadLetters, 1,
        new AliasConfig("live", "1", null)));
        LambdaClient lambda = lambdaClient(gateway)) {
      assertThat(event(lambda, "moving:live", "{\"order\":1}").statusCode()).isEqualTo(202);
      assertThat(awaitLines("moving", 1)).containsExactly("{\"version\":\"1\",\"event\":{\"order\":1}}");
    }
    assertThat(queued(data, "moving")).hasSize(1);

    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61));
    try (EmbeddedGateway gateway = start(data, later, hourly, releases("moving", deadLetters, 1,
        new AliasConfig("live", "2", null)))) {
      assertThat(awaitLines("moving", 2)).endsWith("{\"version\":\"2\",\"event\":{\"order\":1}}");
      awaitEmptyQueue(data, "moving");
    }
    assertThat(lines("moving")).hasSize(2);
    assertThat(data.resolve("failed/moving.jsonl")).doesNotExist();
  }

  /** 30 events at 50%: all of them running one version happens about twice in a billion runs. */
  @Test
  void aWeightedAliasPicksTheVersionOfEachEvent(@TempDir Path data) throws Exception {
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(), releases("weighted", null, 0,
        new AliasConfig("canary", "2", Map.of("3", 0.5))));
        LambdaClient lambda = lambdaClient(gateway)) {
      for (int i = 0; i < 30; i++) {
        event(lambda, "weighted:canary", "{\"order\":" + i + "}");
      }

      Set<String> versions = new HashSet<>();
      for (String line : awaitLines("weighted", 30)) {
        versions.add(JSON.readTree(line).path("version").asText());
      }
      assertThat(versions).containsExactlyInAnyOrder("2", "3");
      awaitEmptyQueue(data, "weighted");
    }
  }

  @Test
  void anEventForAQualifierTheFunctionLacksIsRefusedAndNotQueued(@TempDir Path data) throws Exception {
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(), releases("strict", null, 0,
        new AliasConfig("live", "1", null)));
        LambdaClient lambda = lambdaClient(gateway)) {
      for (String qualifier : List.of("nope", "4")) {
        assertThatThrownBy(() -> event(lambda, "strict:" + qualifier, "{}"))
            .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Function not found: " + ARN + "strict:" + qualifier);
            });
      }
      assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("strict").qualifier("nope")
          .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOf(ResourceNotFoundException.class);

      assertThat(queued(data, "strict")).isEmpty();
      assertThat(lines("strict")).isEmpty();
    }
  }

  /**
   * The record names the version that ran, as AWS's does: in {@code functionArn} (qualified with that version) and
   * {@code executedVersion}, whichever alias the event was sent to.
   */
  @Test
  void theFailureRecordOfAnAliasEventNamesTheVersionThatRan(@TempDir Path data) throws Exception {
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(),
        releases("flaky", new OnFailure(null, "flakyRecords"), 1, new AliasConfig("live", "1", null)),
        function("flakyRecords", "fixture.Appender", null, 0));
        LambdaClient lambda = lambdaClient(gateway)) {
      String requestId = event(lambda, "flaky:live", "{\"order\":7}").responseMetadata().requestId();

      JsonNode record = JSON.readTree(awaitLines("flakyRecords", 1).get(0));
      assertThat(lines("flaky")).containsOnly("{\"version\":\"1\",\"event\":{\"order\":7}}").hasSize(2);
      JsonNode context = record.path("requestContext");
      assertThat(context.path("requestId").asText()).isEqualTo(requestId);
      assertThat(context.path("functionArn").asText()).isEqualTo(ARN + "flaky:1");
      assertThat(context.path("condition").asText()).isEqualTo("RetriesExhausted");
      assertThat(context.path("approximateInvokeCount").asInt()).isEqualTo(2);
      assertThat(record.path("requestPayload")).isEqualTo(JSON.readTree("{\"order\":7}"));
      assertThat(record.path("responseContext")).isEqualTo(JSON.readTree(
          "{\"statusCode\":200,\"executedVersion\":\"1\",\"functionError\":\"Unhandled\"}"));
      assertThat(record.path("responsePayload").path("errorMessage").asText())
          .isEqualTo("version 1 kept, then failed");
      awaitEmptyQueue(data, "flaky");
    }
  }

  /**
   * Four events for a slow function with one worker process: the deliveries that find it busy are throttled and
   * come back later, so every event runs, one at a time, and none is given up.
   */
  @Test
  void throttledEventsAllRunOneAtATime(@TempDir Path data) throws Exception {
    Path turns = Files.createDirectories(data.resolve("turns"));
    FunctionConfig turnstile = new FunctionConfig("turnstile", "fixture.Turnstile", Fixtures.get().classesDirectory,
        10, 256, Map.of(), "java17", Isolation.PROCESS, 1,
        new AsyncInvokeConfig(2, 7200, new OnFailure("failed/turnstile.jsonl", null)));
    try (EmbeddedGateway gateway = start(data, Clock.systemUTC(), turnstile);
        LambdaClient lambda = lambdaClient(gateway)) {
      List<String> names = List.of("a", "b", "c", "d");
      for (String name : names) {
        event(lambda, "turnstile", JSON.writeValueAsString(Map.of("directory", turns.toString(), "name", name)));
      }

      List<String> log = await(turns.resolve("turns.log"), 2 * names.size(), PROCESS_PATIENCE);
      List<String> entered = new ArrayList<>();
      for (int i = 0; i < log.size(); i += 2) {
        String name = log.get(i).substring("enter ".length());
        assertThat(log.get(i)).as("line %d of %s", i, log).startsWith("enter ");
        assertThat(log.get(i + 1)).as("line %d of %s", i + 1, log).isEqualTo("exit " + name);
        entered.add(name);
      }
      assertThat(entered).containsExactlyInAnyOrderElementsOf(names);
      awaitEmptyQueue(data, "turnstile");
    }
    assertThat(data.resolve("failed/turnstile.jsonl")).doesNotExist();
  }

  /**
   * The first attempt fails; while the retry waits, the gateway's clock moves past {@code maximumEventAgeInSeconds}:
   * the event is not run again, and its record says {@code EventAgeExceeded} with the one attempt it had and that
   * attempt's outcome, as AWS's does.
   */
  @Test
  void anEventThatGrowsTooOldWaitingForItsRetryGoesToTheDeadLetterFile(@TempDir Path data) throws Exception {
    MovableClock clock = new MovableClock();
    List<Duration> retries = List.of(Duration.ofSeconds(2), Duration.ofSeconds(2));
    FunctionConfig aging = new FunctionConfig("aging", "fixture.FailingAppender", Fixtures.get().classesDirectory, 3,
        256, Map.of(), null, Isolation.IN_PROCESS, 0,
        new AsyncInvokeConfig(2, 60, new OnFailure("failed/aging.jsonl", null)));
    try (EmbeddedGateway gateway = start(data, clock, retries, aging);
        LambdaClient lambda = lambdaClient(gateway)) {
      String requestId = event(lambda, "aging", "{\"fresh\":false}").responseMetadata().requestId();
      awaitLines("aging", 1);
      clock.advance(Duration.ofSeconds(61));

      JsonNode record = JSON.readTree(await(data.resolve("failed/aging.jsonl"), 1).get(0));
      JsonNode context = record.path("requestContext");
      assertThat(context.path("requestId").asText()).isEqualTo(requestId);
      assertThat(context.path("functionArn").asText()).isEqualTo(ARN + "aging:$LATEST");
      assertThat(context.path("condition").asText()).isEqualTo("EventAgeExceeded");
      assertThat(context.path("approximateInvokeCount").asInt()).isEqualTo(1);
      assertThat(record.path("requestPayload")).isEqualTo(JSON.readTree("{\"fresh\":false}"));
      assertThat(record.path("responseContext")).isEqualTo(JSON.readTree(
          "{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}"));
      assertThat(record.path("responsePayload").path("errorMessage").asText()).isEqualTo("kept, then failed");
      awaitEmptyQueue(data, "aging");
      assertThat(lines("aging")).hasSize(1);
    }
  }

  /**
   * A function whose every version appends what it got with its version number ({@code fixture.VersionAppender}):
   * {@code $LATEST}, 2 and 3 succeed, 1 fails after appending; and the one alias given.
   */
  private static FunctionConfig releases(String name, OnFailure onFailure, int retries, AliasConfig alias) {
    Path code = Fixtures.get().classesDirectory;
    return LocalFunctionTests.versioned(function(name, "fixture.VersionAppender", onFailure, retries),
        List.of(new FunctionVersionConfig("1", "fixture.FailingVersionAppender", code, null, null, null, null),
            new FunctionVersionConfig("2", null, code, null, null, null, null),
            new FunctionVersionConfig("3", null, code, null, null, null, null)),
        List.of(alias));
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
    return await(file, count, PATIENCE);
  }

  private static List<String> await(Path file, int count, Duration patience) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() >= count) {
          return lines;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(file + " did not get " + count + " lines within " + patience);
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

  /** The system clock, plus however far a test moved it. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration by) {
      offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the gateway's clock is UTC");
    }
  }
}
