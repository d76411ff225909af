package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.aliased;
import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.lambda;
import static dev.restgate.lambda.LocalFunctionTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.lambda.internal.local.InProcessFunction;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.ServiceCall;
import dev.restgate.spi.ServiceEndpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Invoke API as the CLI and SDKs call it: headers, errors, logs. */
class InvokeApiEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REQUEST_ID = "0a1b2c3d-0000-4000-8000-00000000abcd";

  private static TestModuleContext configuration;
  private static ServiceEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    Fixtures fixtures = Fixtures.get();
    TestModuleContext context = new TestModuleContext(lambda(
        aliased(function("echo", "fixture.Echo", fixtures.classesDirectory), "live"),
        function("logs", "fixture.Logs", fixtures.classesDirectory),
        function("failing", "fixture.Failing", fixtures.classesDirectory),
        function("sleeper", "fixture.Sleeper", fixtures.classesDirectory, 1),
        function("crowded", "fixture.Sleeper", fixtures.classesDirectory, 60),
        function("context", "fixture.ContextReport", fixtures.classesDirectory)), Clock.systemUTC());
    configuration = context;
    new LambdaModule().configure(context);
    endpoint = context.endpoint();
  }

  @AfterAll
  static void stop() throws Exception {
    configuration.close();
  }

  @Test
  void servesOnlyTheFunctionsPath() {
    assertThat(endpoint.matches(post("/2015-03-31/functions/echo/invocations", "{}"))).isTrue();
    assertThat(endpoint.matches(post("/prod/functions/echo/invocations", "{}"))).isFalse();
  }

  @Test
  void eachCallIsAuthorizedForInvokeFunctionOnTheQualifiedFunctionArn() throws Exception {
    List<String> asked = new ArrayList<>();
    GatewayResponse response = endpoint.handle(new ServiceCall(
        postWithQuery("/2015-03-31/functions/echo/invocations", "Qualifier=live", "{}"), REQUEST_ID,
        (request, service, action, arn) -> {
          asked.add(service + " " + action + " " + arn);
          return Optional.empty();
        }));

    assertThat(response.status()).isEqualTo(200);
    assertThat(asked).containsExactly(
        "lambda lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:echo:live");
  }

  @Test
  void refusedCallsGetLambdasErrorShape() throws Exception {
    GatewayRequest request = post("/2015-03-31/functions/logs/invocations", "1");
    GatewayResponse denied = endpoint.handle(new ServiceCall(request, REQUEST_ID, (r, service, action, arn) ->
        Optional.of(new CallRefusal(403, "AccessDeniedException", "User: anonymous is not authorized"))));
    GatewayResponse unsigned = endpoint.handle(new ServiceCall(post("/2015-03-31/functions/logs/invocations", "1"),
        REQUEST_ID, (r, service, action, arn) ->
            Optional.of(new CallRefusal(403, "MissingAuthenticationTokenException", "Missing Authentication Token"))));

    assertError(denied, 403, "AccessDeniedException", "{\"Message\":\"User: anonymous is not authorized\"}");
    assertError(unsigned, 403, "MissingAuthenticationTokenException",
        "{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void cliRequestWithoutContentTypeOrInvocationTypeIsAnsweredSynchronously() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/echo/invocations", "{\"a\":1}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
    assertThat(response.headers().first("X-Amz-Executed-Version")).isEqualTo("$LATEST");
    assertThat(response.headers().first("x-amzn-RequestId")).isEqualTo(REQUEST_ID);
    assertThat(response.headers().contains("X-Amz-Function-Error")).isFalse();
    assertThat(response.headers().contains("X-Amz-Log-Result")).isFalse();
    assertThat(text(response.body().bytes())).isEqualTo("{\"a\":1,\"echoed\":true}");
  }

  @Test
  void emptyPayloadIsAnEmptyObjectEvent() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/echo/invocations", ""));

    assertThat(text(response.body().bytes())).isEqualTo("{\"echoed\":true}");
  }

  @Test
  void tailReturnsTheInvocationLogInBase64() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/logs/invocations", "3", "X-Amz-Log-Type", "Tail"));

    String log = decode(response.headers().first("X-Amz-Log-Result"));
    assertThat(log).matches("START RequestId: " + REQUEST_ID + " Version: \\$LATEST\n"
        + "\\[WARN\\] first line\nline 1\nline 2\n"
        + "END RequestId: " + REQUEST_ID + "\n"
        + "REPORT RequestId: " + REQUEST_ID + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\t"
        + "Memory Size: 256 MB\tMax Memory Used: \\d+ MB\t(Init Duration: \\d+\\.\\d\\d ms\t)?\n");
  }

  @Test
  void tailKeepsTheLastFourKilobytes() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/logs/invocations", "500", "X-Amz-Log-Type", "Tail"));

    byte[] tail = Base64.getDecoder().decode(response.headers().first("X-Amz-Log-Result"));
    String log = new String(tail, StandardCharsets.UTF_8);
    assertThat(tail).hasSize(4096);
    assertThat(log).doesNotContain("START").contains("line 499\nEND RequestId: " + REQUEST_ID + "\nREPORT");
  }

  @Test
  void unhandledExceptionIsAFunctionErrorLoggedAsTheJavaRuntimeLogsIt() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/failing/invocations", "{}", "X-Amz-Log-Type", "Tail"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().first("X-Amz-Function-Error")).isEqualTo("Unhandled");
    assertThat(JSON.readTree(response.body().bytes()).path("errorType").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(decode(response.headers().first("X-Amz-Log-Result")))
        .contains("boom: java.lang.IllegalStateException\njava.lang.IllegalStateException: boom\n"
            + "\tat fixture.Failing.handleRequest(Failing.java:")
        .contains("Caused by: java.lang.IllegalArgumentException: root cause\n");
  }

  @Test
  void timeoutIsLoggedWithItsStatus() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/sleeper/invocations", "{}", "X-Amz-Log-Type", "Tail"));

    assertThat(response.headers().first("X-Amz-Function-Error")).isEqualTo("Unhandled");
    assertThat(decode(response.headers().first("X-Amz-Log-Result")))
        .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + REQUEST_ID
            + " Task timed out after 1\\.00 seconds\n")
        .contains("\tStatus: timeout\t\n");
  }

  @Test
  void invocationsPastTheConcurrencyLimitAreThrottled() throws Exception {
    // Callers that stop waiting at once leave their invocations running (until the sleeper's 60 s timeout).
    for (int i = 0; i < InProcessFunction.MAX_CONCURRENT_INVOCATIONS; i++) {
      assertThatThrownBy(() -> configuration.invoker().invoke(
          new LambdaInvoker.Invocation("crowded", null, "{}".getBytes(), Duration.ofMillis(1), null)))
          .isInstanceOfSatisfying(LambdaInvokeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    assertError(call(post("/2015-03-31/functions/crowded/invocations", "{}")), 429,
        "TooManyRequestsException", "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\","
            + "\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");
  }

  @Test
  void clientContextReachesTheFunction() throws Exception {
    String clientContext = Base64.getEncoder().encodeToString(
        "{\"client\":{\"app_title\":\"Pets\"},\"custom\":{\"tenant\":\"t-1\"},\"env\":{}}".getBytes());

    GatewayResponse response = call(post("/2015-03-31/functions/context/invocations", "{}", "X-Amz-Client-Context", clientContext));

    JsonNode context = JSON.readTree(response.body().bytes());
    assertThat(context.path("custom").path("tenant").asText()).isEqualTo("t-1");
    assertThat(context.path("appTitle").asText()).isEqualTo("Pets");
    assertThat(context.path("awsRequestId").asText()).isEqualTo(REQUEST_ID);
  }

  @Test
  void clientContextThatIsNotBase64JsonIsRejected() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/context/invocations", "{}", "X-Amz-Client-Context", "%%%"));

    assertError(response, 400, "InvalidParameterValueException",
        "{\"Type\":\"User\",\"message\":\"Client context must be a valid Base64-encoded JSON object.\"}");
  }

  @Test
  void dryRunAnswers204WithoutRunningTheFunction() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/failing/invocations", "{}", "X-Amz-Invocation-Type", "DryRun"));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body().bytes()).isEmpty();
    assertThat(response.headers().first("x-amzn-RequestId")).isEqualTo(REQUEST_ID);
  }

  @Test
  void unknownFunctionIsResourceNotFoundWithItsArn() throws Exception {
    assertError(call(post("/2015-03-31/functions/nope/invocations", "{}")), 404,
        "ResourceNotFoundException",
        "{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope\"}");
    assertError(call(post("/2015-03-31/functions/999999999999%3Afunction%3Anope%3Alive/invocations",
        "{}")), 404, "ResourceNotFoundException", "{\"Type\":\"User\",\"message\":\"Function not found: "
        + "arn:aws:lambda:us-east-1:999999999999:function:nope:live\"}");
  }

  @Test
  void functionOfAnotherRegionIsNotReachable() throws Exception {
    GatewayResponse response = call(post(
        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Aecho/invocations", "{}"));

    assertError(response, 404, "ResourceNotFoundException", "{\"Type\":\"User\",\"message\":"
        + "\"Functions from 'eu-west-1' are not reachable in this region ('us-east-1')\"}");
  }

  @Test
  void qualifierInTheNameMustAgreeWithTheQualifierParameter() throws Exception {
    GatewayResponse response = call(postWithQuery("/2015-03-31/functions/echo%3Alive/invocations",
        "Qualifier=prod", "{}"));

    assertError(response, 400, "InvalidParameterValueException", "{\"Type\":\"User\",\"message\":"
        + "\"The derived qualifier from the function name does not match the specified qualifier.\"}");
  }

  @Test
  void payloadThatIsNotJsonIsInvalidRequestContent() throws Exception {
    GatewayResponse response = call(post("/2015-03-31/functions/echo/invocations", "nope"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("InvalidRequestContentException");
    assertThat(JSON.readTree(response.body().bytes()).path("message").asText())
        .startsWith("Could not parse request body into json: Could not parse payload into json: "
            + "Unrecognized token 'nope'");
  }

  @Test
  void payloadOverTheSynchronousLimitIsTooLarge() throws Exception {
    String payload = "\"" + "x".repeat(6 * 1024 * 1024) + "\"";

    assertError(call(post("/2015-03-31/functions/echo/invocations", payload)), 413,
        "RequestTooLargeException", "{\"Type\":\"User\",\"message\":"
            + "\"Request must be smaller than 6291456 bytes for the InvokeFunction operation\"}");
  }

  @Test
  void invalidParametersFailValidationInAwsWords() throws Exception {
    assertError(call(post("/2015-03-31/functions/echo/invocations", "{}", "X-Amz-Invocation-Type",
        "Later")), 400, "ValidationException", "{\"message\":\"1 validation error detected: Value 'Later'"
        + " at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
        + "[Event, RequestResponse, DryRun]\"}");
    assertError(call(post("/2015-03-31/functions/echo/invocations", "{}", "X-Amz-Log-Type", "All")), 400, "ValidationException", "{\"message\":\"1 validation error detected: Value 'All' at "
        + "'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]\"}");
    GatewayResponse badName = call(post("/2015-03-31/functions/bad%20name/invocations", "{}"));
    assertThat(badName.headers().first("x-amzn-ErrorType")).isEqualTo("ValidationException");
    assertThat(JSON.readTree(badName.body().bytes()).path("message").asText()).startsWith(
        "1 validation error detected: Value 'bad name' at 'functionName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?");
  }

  @Test
  void otherMethodsAndPathsAreUnknownOperations() throws Exception {
    GatewayRequest get = new GatewayRequest("GET", "/2015-03-31/functions/echo/invocations", null, new Headers(),
        "HTTP/1.1", "http", "127.0.0.1", 8080, null);

    assertThat(call(get).status()).isEqualTo(404);
    assertThat(call(post("/2015-03-31/functions/echo/configuration", "{}"))
        .headers().first("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
  }

  /** Calls the endpoint as a caller whose signed calls are all allowed; {@link #refusals} tests the refusals. */
  private static GatewayResponse call(GatewayRequest request) throws Exception {
    return endpoint.handle(new ServiceCall(request, REQUEST_ID, (r, service, action, arn) -> Optional.empty()));
  }

  private static void assertError(GatewayResponse response, int status, String type, String body)
      throws Exception {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo(type);
    assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
    assertThat(text(response.body().bytes())).isEqualTo(body);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static GatewayRequest post(String rawPath, String body, String... headerPairs) {
    return postWithQuery(rawPath, null, body, headerPairs);
  }

  private static GatewayRequest postWithQuery(String rawPath, String rawQuery, String body, String... headerPairs) {
    Headers headers = new Headers();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.add(headerPairs[i], headerPairs[i + 1]);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.add("Content-Length", String.valueOf(bytes.length));
    return new GatewayRequest("POST", rawPath, rawQuery, headers, "HTTP/1.1", "http", "127.0.0.1", 8080,
        new ByteArrayInputStream(bytes));
  }
}
