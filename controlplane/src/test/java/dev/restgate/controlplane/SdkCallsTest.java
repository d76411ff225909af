package dev.restgate.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.ConfigLoader;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.ClientSdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code GetSdk} hands the SDK generator (the stage's Swagger export pointing at this gateway) and how the
 * generator's failures reach the caller, with a stand-in generator.
 */
class SdkCallsTest {
  private static ApiConfig api;

  @BeforeAll
  static void load(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("hello.yaml"), """
        openapi: 3.0.1
        info: {title: hello, version: "1"}
        paths:
          /hello:
            get:
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
        """);
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - {id: helloapi01, body: hello.yaml, stages: [{stageName: prod}]}
        """);
    api = ConfigLoader.standard(SdkCallsTest.class.getClassLoader()).load(config).restApi("helloapi01")
        .orElseThrow();
  }

  @Test
  void theGeneratorGetsTheStagesExportAddressedToThisGateway() throws Exception {
    Recorder recorder = new Recorder(CompletableFuture.completedFuture(new byte[] {'z'}));

    GatewayResponse response = new SdkCalls(recorder).sdk(request("/gw", "serviceName=Hello&javaPackageName=h"),
        api, api.stage("prod").orElseThrow(), "java", "eu-west-1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().first("Content-Disposition"))
        .isEqualTo("attachment; filename=\"helloapi01_prod_java.zip\"");
    assertThat(recorder.parameters).containsExactlyInAnyOrderEntriesOf(
        Map.of("serviceName", "Hello", "javaPackageName", "h"));
    JsonNode definition = Views.JSON.readTree(recorder.definition);
    assertThat(definition.path("swagger").asText()).isEqualTo("2.0");
    assertThat(definition.path("host").asText()).isEqualTo("gw.example:8443");
    assertThat(definition.path("basePath").asText()).isEqualTo("/gw/restapis/helloapi01/prod/_user_request_");
    assertThat(definition.path("schemes").toString()).isEqualTo("[\"https\"]");
    assertThat(definition.path("paths").path("/hello").path("get").has("x-amazon-apigateway-integration"))
        .isFalse();
    assertThat(recorder.definitionKey).startsWith("helloapi01/")
        .endsWith("/prod https://gw.example:8443/gw/restapis/helloapi01/prod/_user_request_");
  }

  @Test
  void withoutAGeneratorSdksAreNotAvailable() throws Exception {
    SdkCalls calls = new SdkCalls(null);

    assertThat(calls.types()).isEmpty();
    assertThatThrownBy(() -> calls.type("java")).isInstanceOfSatisfying(ApiError.class,
        e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> calls.sdk(request("", null), api, api.stage("prod").orElseThrow(), "java", "us-east-1"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.type()).isEqualTo("BadRequestException");
          assertThat(e.getMessage()).startsWith("SDK generation is not available in this gateway");
        });
  }

  @Test
  void generatorFailuresBecomeAwsErrors() {
    assertThat(failure(new IllegalArgumentException("Missing required parameters")))
        .containsExactly(400, "BadRequestException", "Missing required parameters");
    assertThat(failure(new RejectedExecutionException())).containsExactly(429, "TooManyRequestsException",
        "Too many SDKs are being generated at once; try again later");
    assertThat(failure(new TimeoutException())).containsExactly(503, "ServiceUnavailableException",
        "Generating the java SDK took too long and was cancelled; try again later");
    assertThat(failure(new IllegalStateException("/tmp/restgate-sdk-1/definition.json: broken")))
        .containsExactly(500, "InternalFailure", "The java SDK could not be generated from this stage's definition "
            + "(the gateway's log has the generator's error)");
  }

  private static List<Object> failure(Exception cause) {
    try {
      new SdkCalls(new Recorder(CompletableFuture.failedFuture(cause)))
          .sdk(request("", null), api, api.stage("prod").orElseThrow(), "java", "us-east-1");
    } catch (ApiError e) {
      return List.of(e.status(), e.type(), e.getMessage());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no error");
  }

  private static GatewayRequest request(String mountPath, String query) {
    return new GatewayRequest("GET", mountPath, "/restapis/helloapi01/stages/prod/sdks/java", query,
        new Headers().add("Host", "gw.example:8443"), "HTTP/1.1", "https", "127.0.0.1", 8443, null);
  }

  /** A generator that records what it was given and answers as told. */
  private static final class Recorder implements ClientSdks {
    private final CompletableFuture<byte[]> answer;
    Map<String, String> parameters;
    String definitionKey;
    byte[] definition;

    Recorder(CompletableFuture<byte[]> answer) {
      this.answer = answer;
    }

    @Override
    public List<SdkType> types() {
      return List.of();
    }

    @Override
    public CompletableFuture<byte[]> generate(String sdkType, Map<String, String> parameters, String definitionKey,
        byte[] definition) {
      this.parameters = parameters;
      this.definitionKey = definitionKey;
      this.definition = definition;
      return answer;
    }
  }
}
