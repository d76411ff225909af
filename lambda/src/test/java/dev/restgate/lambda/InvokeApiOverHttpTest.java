package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.aliased;
import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.unsignedInvokeApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.GatewayConfig;
import dev.restgate.testing.EmbeddedGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The real AWS SDK's {@link LambdaClient}, pointed at the gateway's Invoke API (the servlet filter on a real Jetty),
 * invokes local functions.
 */
class InvokeApiOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedGateway server;
  private static LambdaClient lambda;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    Fixtures fixtures = Fixtures.get();
    server = EmbeddedGateway.start(GatewayConfig.builder().section(LambdaConfig.class, unsignedInvokeApi(
        function("hello", "dev.restgate.examples.hello.HelloHandler", fixtures.helloJar),
        aliased(function("context", "fixture.ContextReport", fixtures.classesDirectory), "live", "prod"),
        function("failing", "fixture.Failing", fixtures.classesDirectory),
        function("mailbox", "fixture.Mailbox", fixtures.classesDirectory))).build(), data);
    lambda = LocalFunctionTests.lambdaClient(server);
  }

  @AfterAll
  static void stop() throws Exception {
    lambda.close();
    server.close();
  }

  @Test
  void invokesALocalFunctionByName() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r.functionName("hello")
        .payload(SdkBytes.fromUtf8String("{\"httpMethod\":\"GET\",\"path\":\"/hi\",\"queryStringParameters\":"
            + "{\"name\":\"Ada\"}}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    assertThat(response.functionError()).isNull();
    JsonNode proxyResponse = JSON.readTree(response.payload().asByteArray());
    assertThat(proxyResponse.path("statusCode").asInt()).isEqualTo(200);
    assertThat(JSON.readTree(proxyResponse.path("body").asText()).path("greeting").asText())
        .isEqualTo("Hello, Ada!");
    assertThat(response.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
  }

  @Test
  void percentEncodedArnWithQualifierReachesTheFunction() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r
        .functionName("arn:aws:lambda:us-east-1:123456789012:function:context:live")
        .payload(SdkBytes.fromUtf8String("{}")));

    JsonNode context = JSON.readTree(response.payload().asByteArray());
    assertThat(context.path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context:live");
    assertThat(context.path("awsRequestId").asText()).isEqualTo(response.responseMetadata().requestId());
  }

  @Test
  void qualifierParameterReachesTheFunction() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r.functionName("123456789012:function:context").qualifier("prod")
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(JSON.readTree(response.payload().asByteArray()).path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context:prod");
  }

  @Test
  void functionErrorIsAResponseNotAnException() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r.functionName("failing").logType(LogType.TAIL)
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(JSON.readTree(response.payload().asByteArray()).path("errorMessage").asText()).isEqualTo("boom");
    assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
        .startsWith("START RequestId: " + response.responseMetadata().requestId() + " Version: $LATEST\n")
        .contains("boom: java.lang.IllegalStateException");
  }

  @Test
  void unknownFunctionThrowsResourceNotFound() {
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("nope").payload(SdkBytes.fromUtf8String("{}"))))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorMessage())
              .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        });
  }

  @Test
  void payloadThatIsNotJsonThrowsInvalidRequestContent() {
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("context").payload(SdkBytes.fromUtf8String("{"))))
        .isInstanceOf(InvalidRequestContentException.class);
  }

  @Test
  void dryRunAnswers204() {
    InvokeResponse response = lambda.invoke(r -> r.functionName("context").invocationType(InvocationType.DRY_RUN));

    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void eventInvocationAnswers202AndRunsInTheBackground() throws Exception {
    InvokeResponse response = lambda.invoke(InvokeRequest.builder().functionName("mailbox")
        .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"put\":\"letter\"}")).build());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.payload().asByteArray()).isEmpty();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    String mail = "[]";
    while (!mail.contains("letter") && Instant.now().isBefore(deadline)) {
      mail = lambda.invoke(r -> r.functionName("mailbox").payload(SdkBytes.fromUtf8String("{}")))
          .payload().asUtf8String();
    }
    assertThat(mail).isEqualTo("[\"letter\"]");
  }
}
