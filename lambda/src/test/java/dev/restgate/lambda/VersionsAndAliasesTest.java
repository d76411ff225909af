package dev.restgate.lambda;

import static dev.restgate.lambda.LocalFunctionTests.function;
import static dev.restgate.lambda.LocalFunctionTests.unsignedInvokeApi;
import static dev.restgate.lambda.LocalFunctionTests.versioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.model.Deployment;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.TestApis;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Versions and aliases of a local function select its code as on AWS, over the Invoke API with the AWS SDK and
 * through an {@code AWS_PROXY} route whose qualifier is a stage variable. {@code release} has {@code $LATEST}
 * (release two), version 1 (release one, from another package) and version 2 (release two); alias {@code live} is
 * version 1 and {@code canary} sends a quarter of its invocations to version 2.
 */
class VersionsAndAliasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "versionapi";
  private static EmbeddedGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    Fixtures fixtures = Fixtures.get();
    FunctionConfig release = versioned(function("release", "fixture.ReleaseTwo", fixtures.classesDirectory),
        List.of(new FunctionVersionConfig("1", "fixture.Release", fixtures.bundlingJar, null, null, null, null),
            new FunctionVersionConfig("2", null, fixtures.classesDirectory, 5, null, null, null)),
        List.of(new AliasConfig("live", "1", null), new AliasConfig("canary", "1", Map.of("2", 0.25))));
    RestApi api = TestApis.api(API)
        .method("/release", "GET", TestApis.lambdaProxy("release:${stageVariables.alias}"))
        .build();
    Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, api);
    GatewayConfig config = GatewayConfig.builder()
        .restApi(new ApiConfig(API, List.of(deployment), List.of(stage("prod", "live"), stage("next", "2"),
            stage("broken", "nope"))))
        .section(LambdaConfig.class, unsignedInvokeApi(release))
        .build();
    gateway = EmbeddedGateway.start(config, data);
    lambda = LocalFunctionTests.lambdaClient(gateway);
  }

  private static Stage stage(String name, String alias) {
    return new Stage(name, "dep001", null, Map.of("alias", alias), null, null, null, null, null, null, null);
  }

  @AfterAll
  static void stop() throws Exception {
    lambda.close();
    gateway.close();
  }

  private static JsonNode body(InvokeResponse response) throws Exception {
    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    return JSON.readTree(JSON.readTree(response.payload().asByteArray()).path("body").asText());
  }

  @Test
  void unqualifiedCallsRunLatest() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r.functionName("release").payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    assertThat(body(response).path("release").asText()).isEqualTo("two");
    assertThat(body(response).path("functionVersion").asText()).isEqualTo("$LATEST");
  }

  @Test
  void anAliasRunsTheCodeOfItsVersionAndReportsThatVersion() throws Exception {
    InvokeResponse response = lambda.invoke(r -> r.functionName("release:live").logType(LogType.TAIL)
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.executedVersion()).isEqualTo("1");
    JsonNode body = body(response);
    assertThat(body.path("release").asText()).isEqualTo("one");
    assertThat(body.path("functionVersion").asText()).isEqualTo("1");
    assertThat(body.path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:release:live");
    assertThat(body.path("logStreamName").asText()).contains("/[1]");
    assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
        .startsWith("START RequestId: " + response.responseMetadata().requestId() + " Version: 1\n");
  }

  @Test
  void versionNumbersAndLatestSelectTheirCodeThroughTheQualifierParameter() throws Exception {
    InvokeResponse second = lambda.invoke(r -> r.functionName("release").qualifier("2")
        .payload(SdkBytes.fromUtf8String("{}")));
    InvokeResponse latest = lambda.invoke(r -> r.functionName("arn:aws:lambda:us-east-1:123456789012:function:release")
        .qualifier("$LATEST").payload(SdkBytes.fromUtf8String("{}")));

    assertThat(second.executedVersion()).isEqualTo("2");
    assertThat(body(second).path("release").asText()).isEqualTo("two");
    assertThat(latest.executedVersion()).isEqualTo("$LATEST");
    assertThat(body(latest).path("invokedFunctionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:release:$LATEST");
  }

  @Test
  void anUnknownQualifierIsResourceNotFound() {
    for (String qualifier : List.of("nope", "3")) {
      assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("release:" + qualifier)
          .payload(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:release:" + qualifier);
          });
    }
  }

  /** 400 draws at 25%: 100 expected, standard deviation 8.7; 60 to 140 fails about once in a hundred thousand runs. */
  @Test
  void aWeightedAliasSendsItsShareToTheAdditionalVersion() throws Exception {
    int second = 0;
    for (int i = 0; i < 400; i++) {
      InvokeResponse response = lambda.invoke(r -> r.functionName("release").qualifier("canary")
          .payload(SdkBytes.fromUtf8String("{}")));
      String release = body(response).path("release").asText();
      assertThat(release).isEqualTo("2".equals(response.executedVersion()) ? "two" : "one");
      if ("2".equals(response.executedVersion())) {
        second++;
      } else {
        assertThat(response.executedVersion()).isEqualTo("1");
      }
    }
    assertThat(second).isBetween(60, 140);
  }

  @Test
  void aStageVariableQualifierSelectsTheVersionBehindAnAwsProxyRoute() throws Exception {
    HttpResponse<String> live = Http.get(gateway.userRequest(API, "prod", "/release"));
    HttpResponse<String> next = Http.get(gateway.userRequest(API, "next", "/release"));

    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).path("release").asText()).isEqualTo("one");
    assertThat(JSON.readTree(live.body()).path("invokedFunctionArn").asText()).endsWith(":release:live");
    assertThat(JSON.readTree(next.body()).path("functionVersion").asText()).isEqualTo("2");
  }

  @Test
  void aStageVariableNamingNoAliasAnswersAsAMissingFunctionDoes() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest(API, "broken", "/release"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("Internal server error");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
  }
}
