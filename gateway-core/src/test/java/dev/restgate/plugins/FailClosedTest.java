package dev.restgate.plugins;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.model.RestApi;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.ServiceFixtures;
import dev.restgate.testing.TestApis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A method whose definition asks for protection is served only when a plugin in its chain enforces exactly that
 * protection; otherwise it answers 500 and no request, however it is dressed, reaches its integration.
 */
class FailClosedTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}]}";

  @TempDir
  Path data;

  private static RestApi protectedApi(String id, String backend) throws Exception {
    return TestApis.api(id)
        .authorizer("tokenauth", "TOKEN")
        .authorizer("requestauth", "REQUEST")
        .authorizer("userpool", "COGNITO_USER_POOLS")
        .method("/iam", "GET", httpProxy("GET", backend + "/iam"), "AWS_IAM", null, false, Map.of())
        .method("/token", "GET", httpProxy("GET", backend + "/token"), "CUSTOM", "tokenauth", false,
            Map.of("x-test-guard", JSON.readTree("{\"header\":\"Authorization\",\"value\":\"letmein\"}")))
        .method("/request", "GET", httpProxy("GET", backend + "/request"), "CUSTOM", "requestauth", false,
            Map.of("x-test-guard", JSON.readTree("{\"header\":\"Authorization\",\"value\":\"letmein\"}")))
        .method("/cognito", "GET", httpProxy("GET", backend + "/cognito"), "COGNITO_USER_POOLS", "userpool", false,
            Map.of())
        .method("/key", "GET", httpProxy("GET", backend + "/key"), "NONE", null, true,
            Map.of("x-test-guard", JSON.readTree("{\"header\":\"x-api-key\",\"value\":\"a-valid-key-value-000\"}")))
        .method("/keyunguarded", "GET", httpProxy("GET", backend + "/keyunguarded"), "NONE", null, true, Map.of())
        .method("/open", "GET", httpProxy("GET", backend + "/open"))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/iam", "/token", "/request", "/cognito", "/key", "/keyunguarded"})
  void withoutAnEnforcingPluginProtectedMethodsAnswer500AndNeverReachTheIntegration(String path) throws Exception {
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = EmbeddedGateway.start(
            TestApis.config(protectedApi("closed0001", backend.url()), "prod", Map.of()), data)) {
      for (String[] headers : new String[][] {{}, {"Authorization", "letmein"}, {"x-api-key", "a-valid-key-value-000"},
          {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/us-east-1/execute-api/aws4_request"}}) {
        HttpResponse<String> response = Http.get(gateway.userRequest("closed0001", "prod", path), headers);
        assertThat(response.statusCode()).as(path).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
      }
      assertThat(Http.get(gateway.userRequest("closed0001", "prod", "/open")).statusCode()).isEqualTo(200);
      assertThat(backend.next().rawPath()).isEqualTo("/open");
      backend.expectNoMoreRequests();
    }
  }

  @Test
  void aPluginDeclaringTheProtectionServesTheMethodAndOnlyThatProtectionIsUnlocked() throws Exception {
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = EmbeddedGateway.start(
            TestApis.config(protectedApi("closed0002", backend.url()), "prod", Map.of()), data,
            ServiceFixtures.loader())) {
      HttpResponse<String> keyed = Http.get(gateway.userRequest("closed0002", "prod", "/key"),
          "x-api-key", "a-valid-key-value-000");
      assertThat(keyed.statusCode()).isEqualTo(200);
      assertThat(backend.next().rawPath()).isEqualTo("/key");
      assertThat(Http.get(gateway.userRequest("closed0002", "prod", "/key")).statusCode()).isEqualTo(403);

      HttpResponse<String> token = Http.get(gateway.userRequest("closed0002", "prod", "/token"),
          "Authorization", "letmein");
      assertThat(token.statusCode()).isEqualTo(200);
      assertThat(backend.next().rawPath()).isEqualTo("/token");

      // The guard declares API keys and TOKEN authorizers: REQUEST authorizers, IAM and Cognito stay closed, and
      // so does an API-key method the guard is not configured on.
      for (String path : new String[] {"/request", "/iam", "/cognito", "/keyunguarded"}) {
        HttpResponse<String> closed = Http.get(gateway.userRequest("closed0002", "prod", path),
            "Authorization", "letmein", "x-api-key", "a-valid-key-value-000");
        assertThat(closed.statusCode()).as(path).isEqualTo(500);
      }
      backend.expectNoMoreRequests();
    }
  }

  @Test
  void aResourcePolicyNobodyEnforcesClosesEveryMethodOfTheApi() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("closed0003").policy(POLICY)
          .method("/open", "GET", httpProxy("GET", backend.url() + "/open"))
          .build();
      try (EmbeddedGateway gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of()), data)) {
        assertThat(Http.get(gateway.userRequest("closed0003", "prod", "/open")).statusCode()).isEqualTo(500);
        backend.expectNoMoreRequests();
      }
    }
  }

  @Test
  void withoutAModuleThatChecksSignaturesServiceEndpointsRefuseEverySignedCall() throws Exception {
    try (EmbeddedGateway gateway = EmbeddedGateway.start(
        TestApis.config(TestApis.api("closed0003").build(), "prod", Map.of()), data, ServiceFixtures.loader())) {
      HttpResponse<String> response = Http.get(gateway.uri("/_test/signed"), "Authorization",
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/us-east-1/test/aws4_request, SignedHeaders=host, "
              + "Signature=0000");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
      assertThat(response.body()).isEqualTo("{\"message\":\"Signed calls cannot be checked: no module on the "
          + "class path verifies SigV4 signatures\"}");
    }
  }
}
