package dev.restgate.routing;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.Gateway;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.model.CanarySettings;
import dev.restgate.model.Deployment;
import dev.restgate.model.Stage;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canary picks come from the gateway's random source, so a seeded source makes them exactly predictable. */
class CanaryTest {
  private static final String API = "canary0001";

  @Test
  void aSeededRandomSourceDecidesEveryPickAndCanaryRequestsSeeTheirDeploymentAndOverrides(@TempDir Path data)
      throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      Map<String, String> marks = Map.of("integration.request.header.X-Canary", "context.isCanaryRequest",
          "integration.request.header.X-Color", "stageVariables.color");
      Deployment main = new Deployment("main01", null, Instant.EPOCH, TestApis.api(API)
          .method("/v", "GET", httpProxy("GET", backend.url() + "/main", marks, null)).build());
      Deployment canary = new Deployment("cnry01", null, Instant.EPOCH, TestApis.api(API)
          .method("/v", "GET", httpProxy("GET", backend.url() + "/canary", marks, null)).build());
      Stage stage = new Stage("prod", main.id(), null, Map.of("color", "green"), null,
          new CanarySettings(canary.id(), 25.0, Map.of("color", "blue"), null), null, null, null, null, null);
      GatewayConfig config = GatewayConfig.builder()
          .restApi(new ApiConfig(API, List.of(main, canary), List.of(stage))).build();

      try (EmbeddedGateway gateway = EmbeddedGateway.start(Gateway.builder(config).dataDirectory(data)
          .random(new Random(7)))) {
        Random expected = new Random(7);
        int canaries = 0;
        for (int i = 0; i < 200; i++) {
          assertThat(Http.get(gateway.userRequest(API, "prod", "/v")).statusCode()).isEqualTo(200);
          RecordingBackend.Received received = backend.next();
          boolean picked = expected.nextDouble(100.0) < 25.0;
          assertThat(received.rawPath()).as("request " + i).isEqualTo(picked ? "/canary" : "/main");
          assertThat(received.header("X-Canary")).isEqualTo(Boolean.toString(picked));
          assertThat(received.header("X-Color")).isEqualTo(picked ? "blue" : "green");
          canaries += picked ? 1 : 0;
        }
        assertThat(canaries).as("about a quarter").isBetween(30, 70);
      }
    }
  }
}
