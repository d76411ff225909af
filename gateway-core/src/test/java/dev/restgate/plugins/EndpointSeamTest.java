package dev.restgate.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.model.Integration;
import dev.restgate.model.RestApi;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.ServiceFixtures;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam non-proxy integrations are built on: a MAPPING plugin replaces the request the integration sends and sees
 * the backend's raw answer before it makes the method response; the integration sends it with the shared client.
 */
class EndpointSeamTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aMappingPluginBuildsTheEndpointRequestAndMakesTheMethodResponseOfTheRawAnswer(@TempDir Path data)
      throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      Integration endpoint = new Integration("TEST_ENDPOINT", "POST", "unused", null, null, null, null, null, null,
          null, 2000, null, null, null, null, null);
      RestApi api = TestApis.api("endpoint01")
          .method("/orders", "PUT", endpoint,
              Map.of("x-test-mapping", JSON.readTree("{\"uri\":\"${stageVariables.backend}/status/404\"}")))
          .build();
      try (EmbeddedGateway gateway = EmbeddedGateway.start(
          TestApis.config(api, "v1", Map.of("backend", backend.url())), data, ServiceFixtures.loader())) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
                gateway.userRequest("endpoint01", "v1", "/orders"))
            .PUT(HttpRequest.BodyPublishers.ofString("two tickets")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend-Status")).hasValue("404");
        assertThat(JSON.readTree(response.body()).path("wrapped").path("path").asText()).isEqualTo("/status/404");
        RecordingBackend.Received sent = backend.next();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("X-Mapped")).isEqualTo("true");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo("TWO TICKETS");
      }
    }
  }
}
