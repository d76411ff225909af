package dev.restgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.Gateway;
import dev.restgate.spi.HealthCheck;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.TestApis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness probe: {@code GET /_health/ready} answers 200 while every check passes and 503 naming the check and
 * its reason when one does not, while the liveness check {@code /_health} stays UP.
 */
class ReadinessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path data;

  @Test
  void readinessFollowsItsChecksAndLivenessDoesNot() throws Exception {
    AtomicReference<String> store = new AtomicReference<>();
    HealthCheck check = new HealthCheck() {
      @Override
      public String name() {
        return "store";
      }

      @Override
      public Optional<String> problem() {
        return Optional.ofNullable(store.get());
      }
    };
    Gateway.Builder builder = Gateway.builder(TestApis.config(TestApis.api("abcde12345")
        .method("/", "GET", TestApis.httpProxy("GET", "http://127.0.0.1:9/")).build(), "prod", Map.of()))
        .dataDirectory(data).healthCheck(check);
    try (EmbeddedGateway gateway = EmbeddedGateway.start(builder)) {
      HttpResponse<String> ready = Http.get(gateway.uri(Gateway.READY_PATH));
      assertThat(ready.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(ready.body());
      assertThat(body.path("status").asText()).isEqualTo("UP");
      assertThat(body.at("/checks/0/name").asText()).isEqualTo("configuration");
      assertThat(body.at("/checks/0/detail").asText()).isEqualTo("1 REST API(s)");
      assertThat(body.at("/checks/1/status").asText()).isEqualTo("UP");
      assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");

      store.set("the store does not answer");
      HttpResponse<String> notReady = Http.get(gateway.uri(Gateway.READY_PATH));
      assertThat(notReady.statusCode()).isEqualTo(503);
      body = JSON.readTree(notReady.body());
      assertThat(body.path("status").asText()).isEqualTo("DOWN");
      assertThat(body.at("/checks/1/name").asText()).isEqualTo("store");
      assertThat(body.at("/checks/1/status").asText()).isEqualTo("DOWN");
      assertThat(body.at("/checks/1/reason").asText()).isEqualTo("the store does not answer");
      assertThat(Http.get(gateway.uri(Gateway.HEALTH_PATH)).statusCode()).isEqualTo(200);
    }
  }
}
