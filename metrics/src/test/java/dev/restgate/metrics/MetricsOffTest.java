package dev.restgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the {@code metrics} section nothing is counted and {@code /_metrics} does not exist. */
class MetricsOffTest {

  @Test
  void withoutTheSectionTheEndpointDoesNotExist(@TempDir Path dir) throws Exception {
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = MetricsTest.start(dir, backend, "")) {
      assertThat(Http.get(gateway.userRequest("shopapi001", "prod", "/items/1")).statusCode()).isEqualTo(200);

      HttpResponse<String> response = MetricsTest.scrape(gateway, "Authorization", "Bearer " + MetricsTest.TOKEN);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(gateway.gateway().service(GatewayMeters.class)).as("no meters, so no plugin").isEmpty();
    }
  }
}
