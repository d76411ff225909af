package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.aliased;
import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.invoke;
import static dev.restgate.lambda.LocalFunctionTests.lambda;
import static dev.restgate.lambda.LocalFunctionTests.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Local functions of every handler kind, invoked through the module's invoker, (de)serialized as on AWS. */
class LocalInvocationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private static TestModuleContext configuration;
  private static LambdaInvoker invoker;

  @BeforeAll
  static void start() throws Exception {
    Fixtures fixtures = Fixtures.get();
    TestModuleContext context = new TestModuleContext(lambda(
        function("hello", "dev.restgate.examples.hello.HelloHandler", fixtures.helloJar),
        function("greeter", "dev.restgate.examples.hello.GreetingHandler", fixtures.helloJar),
        function("upper", "dev.restgate.examples.hello.UppercaseHandler", fixtures.helloJar),
        function("echo", "fixture.Echo", fixtures.classesDirectory),
        function("shout", "fixture.Shout", fixtures.classesDirectory),
        function("oldest", "fixture.Oldest", fixtures.classesDirectory),
        function("greet", "fixture.Methods::greet", fixtures.classesDirectory),
        function("twice", "fixture.Methods::twice", fixtures.classesDirectory),
        function("copy", "fixture.Methods::copy", fixtures.classesDirectory),
        function("nothing", "fixture.Methods::nothing", fixtures.classesDirectory),
        function("counter", "fixture.Counter", fixtures.classesDirectory),
        aliased(function("context", "fixture.ContextReport", fixtures.classesDirectory), "live", "blue"),
        function("custom", "fixture.Shout", fixtures.serializingDirectory)), CLOCK);
    configuration = context;
    new LambdaModule().configure(context);
    invoker = context.invoker();
  }

  @AfterAll
  static void stop() throws Exception {
    configuration.close();
  }

  @Test
  void proxyEventHandlerFromTheDeployedJarAnswersAProxyResponse() throws Exception {
    String event = """
        {"resource":"/pets/{id}","path":"/pets/7","httpMethod":"GET",
         "headers":{"Accept":"*/*"},"multiValueHeaders":{"Accept":["*/*"]},
         "queryStringParameters":{"name":"Ada"},"multiValueQueryStringParameters":{"name":["Bob","Ada"]},
         "pathParameters":{"id":"7"},"stageVariables":{"alias":"live"},
         "requestContext":{"accountId":"123456789012","apiId":"abc123","stage":"prod","requestId":"r-1",
           "identity":{"sourceIp":"203.0.113.7","userAgent":"curl/8.0"},"requestTimeEpoch":1428582896000},
         "body":"{\\"a\\":1}","isBase64Encoded":false}""";

    LambdaInvoker.Result result = invoke(invoker, "hello", event);

    assertThat(result.functionError()).isNull();
    assertThat(result.executedVersion()).isEqualTo("$LATEST");
    JsonNode response = JSON.readTree(result.payload());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    JsonNode body = JSON.readTree(response.path("body").asText());
    assertThat(body.path("greeting").asText()).isEqualTo("Hello, Ada!");
    assertThat(body.path("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(body.path("multiValueQuery").path("name").get(1).asText()).isEqualTo("Ada");
    assertThat(body.path("stageVariables").path("alias").asText()).isEqualTo("live");
    assertThat(body.path("stage").asText()).isEqualTo("prod");
    assertThat(body.path("body").asText()).isEqualTo("{\"a\":1}");
  }

  @Test
  void proxyResponseLeavesOutWhatTheHandlerDidNotSet() throws Exception {
    LambdaInvoker.Result result = invoke(invoker, "hello", "{}");

    JsonNode response = JSON.readTree(result.payload());
    assertThat(response.has("multiValueHeaders")).isFalse();
    assertThat(response.has("isBase64Encoded")).isFalse();
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
  }

  @Test
  void pojoHandlerOmitsNullFields() throws Exception {
    assertThat(text(invoke(invoker, "greeter", "{\"name\":\"Ada\"}").payload()))
        .isEqualTo("{\"greeting\":\"Hello, Ada!\",\"name\":\"Ada\"}");
    assertThat(text(invoke(invoker, "greeter", "{}").payload())).isEqualTo("{\"greeting\":\"Hello, world!\"}");
  }

  @Test
  void pojoHandlerIgnoresUnknownFields() throws Exception {
    assertThat(text(invoke(invoker, "greeter", "{\"name\":\"Ada\",\"extra\":[1,2]}").payload()))
        .isEqualTo("{\"greeting\":\"Hello, Ada!\",\"name\":\"Ada\"}");
  }

  @Test
  void streamHandlerSeesTheRawEvent() throws Exception {
    assertThat(text(invoke(invoker, "upper", "{\"word\": \"abc\"}").payload())).isEqualTo("{\"WORD\": \"ABC\"}");
  }

  @Test
  void mapHandlerDropsNullMapValuesAsTheAwsRuntimeDoes() throws Exception {
    assertThat(text(invoke(invoker, "echo", "{\"a\":1,\"b\":\"two\"}").payload()))
        .isEqualTo("{\"a\":1,\"b\":\"two\",\"echoed\":true}");
  }

  @Test
  void stringHandlerTakesAndAnswersJsonStrings() throws Exception {
    assertThat(text(invoke(invoker, "shout", "\"hey\"").payload())).isEqualTo("\"HEY!\"");
  }

  @Test
  void customSerializerTheFunctionRegistersReplacesJson() throws Exception {
    assertThat(text(invoke(invoker, "custom", "cba").payload())).isEqualTo("<ABC!>");
  }

  @Test
  void typeArgumentsAreResolvedThroughTheSuperclass() throws Exception {
    String people = "[{\"name\":\"Ada\",\"age\":36},{\"name\":\"Grace\",\"age\":85}]";

    assertThat(text(invoke(invoker, "oldest", people).payload())).isEqualTo("{\"name\":\"Grace\",\"age\":85}");
  }

  @Test
  void methodHandlerPrefersTheOverloadTakingAContext() throws Exception {
    assertThat(text(invoke(invoker, "greet", "\"Ada\"").payload())).isEqualTo("\"Hello Ada from greet\"");
  }

  @Test
  void staticMethodHandlerTakesPrimitives() throws Exception {
    assertThat(text(invoke(invoker, "twice", "21").payload())).isEqualTo("42");
  }

  @Test
  void streamMethodHandlerWritesTheResponse() throws Exception {
    assertThat(text(invoke(invoker, "copy", "{\"x\":1}").payload())).isEqualTo("[{\"x\":1}]");
  }

  @Test
  void voidMethodHandlerAnswersNull() throws Exception {
    assertThat(text(invoke(invoker, "nothing", "{}").payload())).isEqualTo("null");
  }

  @Test
  void asynchronousEventsAreQueuedAndRunByTheLocalFunction() throws Exception {
    int before = calls(invoke(invoker, "counter", "{}"));
    invoker.invokeAsync(new LambdaInvoker.Invocation("counter", null, "{}".getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(5), null));
    invoker.invokeAsync(new LambdaInvoker.Invocation("counter", null, "{}".getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(5), null));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int polls = 0;
    int seen = before;
    while (seen != before + polls + 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      polls++;
      seen = calls(invoke(invoker, "counter", "{}"));
    }
    assertThat(seen).as("calls after two queued events and %d polls", polls).isEqualTo(before + polls + 2);
  }

  private static int calls(LambdaInvoker.Result result) {
    return Integer.parseInt(text(result.payload()).replace("\"", "").split("/")[1]);
  }

  @Test
  void oneHandlerObjectServesEveryInvocation() throws Exception {
    String first = text(invoke(invoker, "counter", "{}").payload());
    String second = text(invoke(invoker, "counter", "{}").payload());

    assertThat(first.split("/")[0]).isEqualTo("\"1");
    assertThat(Integer.parseInt(second.replace("\"", "").split("/")[1]))
        .isEqualTo(Integer.parseInt(first.replace("\"", "").split("/")[1]) + 1);
  }

  @Test
  void contextDescribesTheFunctionAndTheInvocation() throws Exception {
    LambdaInvoker.Result result = invoker.invoke(new LambdaInvoker.Invocation(
        "arn:aws:lambda:us-east-1:123456789012:function:context", "live", "{}".getBytes(), null, null));

    JsonNode context = JSON.readTree(result.payload());
    assertThat(context.path("awsRequestId").asText()).matches("[0-9a-f-]{36}");
    assertThat(context.path("functionName").asText()).isEqualTo("context");
    assertThat(context.path("functionVersion").asText()).isEqualTo("$LATEST");
    assertThat(context.path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context:live");
    assertThat(context.path("memoryLimitInMB").asInt()).isEqualTo(256);
    assertThat(context.path("remainingTimeInMillis").asInt()).isEqualTo(3000);
    assertThat(context.path("logGroupName").asText()).isEqualTo("/aws/lambda/context");
    assertThat(context.path("logStreamName").asText()).matches("2026/03/01/\\[\\$LATEST\\][0-9a-f]{32}");
    assertThat(context.path("threadLoader").asBoolean()).isTrue();
  }

  @Test
  void qualifierInTheFunctionNameReachesTheContext() throws Exception {
    JsonNode context = JSON.readTree(invoke(invoker, "context:blue", "{}").payload());

    assertThat(context.path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context:blue");
  }
}
