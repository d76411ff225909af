package dev.restgate.plugins;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.Gateway;
import dev.restgate.model.RestApi;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.ServiceFixtures;
import dev.restgate.testing.TestApis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins found by ServiceLoader, configured from their extension, linked in phase order in front of the integration. */
class PluginChainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path data;

  private EmbeddedGateway start(RestApi api) throws Exception {
    return EmbeddedGateway.start(TestApis.config(api, "v1", Map.of()), data, ServiceFixtures.loader());
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void pluginsRunInPhaseOrderWithMethodConfigurationOverApiConfiguration() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("plugins001")
          .extension("x-test-trace", json("{\"label\":\"api-level\"}"))
          .method("/a", "GET", httpProxy("GET", backend.url() + "/a"))
          .method("/b", "GET", httpProxy("GET", backend.url() + "/b"),
              Map.of("x-test-trace", json("{\"label\":\"method-level\"}")))
          .build();
      try (EmbeddedGateway gateway = start(api)) {
        HttpResponse<String> a = Http.get(gateway.userRequest("plugins001", "v1", "/a"));
        HttpResponse<String> b = Http.get(gateway.userRequest("plugins001", "v1", "/b"));
        assertThat(a.headers().firstValue("X-Trace")).hasValue("api-level,edge");
        assertThat(b.headers().firstValue("X-Trace")).hasValue("method-level,edge");
      }
    }
  }

  @Test
  void aPluginMayAnswerWithoutCallingNext() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("plugins002").method("/a", "GET", httpProxy("GET", backend.url() + "/a")).build();
      try (EmbeddedGateway gateway = start(api)) {
        HttpResponse<String> response = Http.get(gateway.userRequest("plugins002", "v1", "/a"), "X-Block", "1");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
      }
    }
  }

  @Test
  void callingNextTwiceIsCaughtAndAnswers500() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("plugins003")
          .method("/a", "GET", httpProxy("GET", backend.url() + "/a"),
              Map.of("x-test-trace", json("{\"label\":\"greedy\",\"twice\":true}")))
          .build();
      try (EmbeddedGateway gateway = start(api)) {
        HttpResponse<String> response = Http.get(gateway.userRequest("plugins003", "v1", "/a"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(backend.next().rawPath()).isEqualTo("/a");
        backend.expectNoMoreRequests();
      }
    }
  }

  @Test
  void aPluginFailingAfterNextReturnedClosesTheBackendsStreamedBody() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("plugins005")
          .method("/big", "GET", httpProxy("GET", backend.url() + "/big"),
              Map.of("x-test-trace", json("{\"label\":\"failing\",\"failAfterNext\":true}")))
          .build();
      try (EmbeddedGateway gateway = start(api)) {
        HttpResponse<String> response = Http.get(gateway.userRequest("plugins005", "v1", "/big"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(backend.nextBigAnswer()).as("the backend's 16 MB answer").isEqualTo("aborted");
      }
    }
  }

  @Test
  void edgePluginsSeeGatewayErrorsAsTheResponsesClientsGet() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("plugins006")
          .method("/down", "GET", httpProxy("GET", "http://127.0.0.1:1/down"))
          .method("/failing", "GET", httpProxy("GET", backend.url() + "/failing"),
              Map.of("x-test-trace", json("{\"label\":\"failing\",\"failAfterNext\":true}")))
          .build();
      try (EmbeddedGateway gateway = start(api)) {
        HttpResponse<String> down = Http.get(gateway.userRequest("plugins006", "v1", "/down"));
        assertThat(down.statusCode()).isEqualTo(504);
        assertThat(down.headers().firstValue("X-Trace")).hasValue("edge");
        assertThat(down.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");

        HttpResponse<String> failing = Http.get(gateway.userRequest("plugins006", "v1", "/failing"));
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(failing.headers().firstValue("X-Trace")).hasValue("edge");
      }
    }
  }

  @Test
  void edgePluginsReadWhatTheIntegrationAnsweredAfterNextReturns() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("plugins007")
          .method("/found", "GET", httpProxy("GET", backend.url() + "/status/200"))
          .method("/missing", "GET", httpProxy("GET", backend.url() + "/status/404"))
          .method("/down", "GET", httpProxy("GET", "http://127.0.0.1:1/down"))
          .method("/guarded", "GET", httpProxy("GET", backend.url() + "/guarded"),
              Map.of("x-test-guard", json("{\"header\":\"Authorization\",\"value\":\"letmein\"}")))
          .build();
      try (EmbeddedGateway gateway = start(api)) {
        assertThat(Http.get(gateway.userRequest("plugins007", "v1", "/found")).headers()
            .firstValue("X-Integration")).hasValue("status 200");
        HttpResponse<String> missing = Http.get(gateway.userRequest("plugins007", "v1", "/missing"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Integration")).hasValue("status 404");
        HttpResponse<String> down = Http.get(gateway.userRequest("plugins007", "v1", "/down"));
        assertThat(down.statusCode()).isEqualTo(504);
        assertThat(down.headers().firstValue("X-Integration")).as("a failed call").hasValue("status 0");
        HttpResponse<String> refused = Http.get(gateway.userRequest("plugins007", "v1", "/guarded"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Integration")).hasValue("not called");
      }
    }
  }

  @Test
  void invalidPluginConfigurationFailsTheDeploymentWithItsLocation() throws Exception {
    RestApi api = TestApis.api("plugins004")
        .method("/a", "GET", httpProxy("GET", "http://127.0.0.1:9/a"),
            Map.of("x-test-trace", json("{\"label\":\"\"}")))
        .method("/b", "POST", httpProxy("GET", "http://127.0.0.1:9/b"),
            Map.of("x-test-trace", json("{\"lable\":\"typo\"}")))
        .build();
    assertThatThrownBy(() -> Gateway.start(TestApis.config(api, "v1", Map.of()), data, Clock.systemUTC(),
        ServiceFixtures.loader()))
        .isInstanceOf(ProblemsException.class)
        .satisfies(e -> assertThat(((ProblemsException) e).problems())
            .extracting(p -> p.pointer() + " " + p.message())
            .containsExactlyInAnyOrder(
                "/paths/~1a/get x-test-trace: label must not be empty",
                "/paths/~1b/post x-test-trace: Unrecognized field \"lable\" (class "
                    + "dev.restgate.plugins.TracePluginFactory$Config), not marked as ignorable"));
  }
}
