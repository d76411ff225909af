package dev.restgate.deploy;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.config.GatewayConfig;
import dev.restgate.plugins.CloseTrackingPluginFactory;
import dev.restgate.spi.ProblemsException;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.ServiceFixtures;
import dev.restgate.testing.TestApis;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configurations swapped into a running gateway: atomically, under load, and released when drained. */
class ReloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "reload0001";

  @TempDir
  Path data;

  /** A configuration whose {@code GET /v} proxies to {@code backend}{@code target}, tracked under {@code name}. */
  private static GatewayConfig config(String backend, String target, String name) throws Exception {
    return TestApis.config(TestApis.api(API)
        .method("/v", "GET", httpProxy("GET", backend + target),
            Map.of("x-test-closeable", JSON.readTree("{\"name\":\"" + name + "\"}")))
        .method("/hold", "GET", httpProxy("GET", backend + "/hold"),
            Map.of("x-test-closeable", JSON.readTree("{\"name\":\"" + name + "\"}")))
        .build(), "v1", Map.of());
  }

  private static String answeredPath(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("path").asText();
  }

  @Test
  void swapsUnderConstantLoadFromSeveralClientsLoseNoRequest() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      String run = UUID.randomUUID().toString();
      List<GatewayConfig> configs = List.of(config(backend.url(), "/a", run + "-a"),
          config(backend.url(), "/b", run + "-b"));
      try (EmbeddedGateway gateway = EmbeddedGateway.start(configs.get(0), data, ServiceFixtures.loader())) {
        URI uri = gateway.userRequest(API, "v1", "/v");
        AtomicBoolean running = new AtomicBoolean(true);
        Semaphore answered = new Semaphore(0);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          loops.add(clients.submit(() -> {
            while (running.get()) {
              HttpResponse<String> response = Http.get(uri);
              outcomes.merge(response.statusCode() + " " + answeredPath(response), 1, Integer::sum);
              answered.release();
            }
            return null;
          }));
        }
        for (int swap = 1; swap <= 12; swap++) {
          assertThat(answered.tryAcquire(50, 30, TimeUnit.SECONDS)).as("50 more answers").isTrue();
          gateway.gateway().reload(configs.get(swap % 2));
        }
        running.set(false);
        for (Future<?> loop : loops) {
          loop.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(outcomes.keySet()).as(outcomes.toString()).containsExactlyInAnyOrder("200 /a", "200 /b");
        assertThat(answeredPath(Http.get(uri))).isEqualTo("/a");
        assertThat(CloseTrackingPluginFactory.awaitClosed(run + "-b", 12)).as("b's configurations retired")
            .isEqualTo(12);
        assertThat(CloseTrackingPluginFactory.awaitClosed(run + "-a", 12)).as("a's retired configurations")
            .isEqualTo(12);
      }
    }
  }

  @Test
  void aRequestInFlightFinishesOnItsConfigurationWhichIsReleasedAfterIt() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      String run = UUID.randomUUID().toString();
      try (EmbeddedGateway gateway = EmbeddedGateway.start(config(backend.url(), "/a", run + "-a"), data,
          ServiceFixtures.loader())) {
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
          try {
            return Http.get(gateway.userRequest(API, "v1", "/hold"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        assertThat(backend.next().rawPath()).isEqualTo("/hold");

        gateway.gateway().reload(config(backend.url(), "/b", run + "-b"));

        assertThat(answeredPath(Http.get(gateway.userRequest(API, "v1", "/v")))).isEqualTo("/b");
        assertThat(CloseTrackingPluginFactory.closed(run + "-a")).as("still serving the held request").isZero();
        backend.releaseHeld();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(CloseTrackingPluginFactory.awaitClosed(run + "-a", 2)).isEqualTo(2);
      }
    }
  }

  @Test
  void aConfigurationWithProblemsChangesNothing() throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      String run = UUID.randomUUID().toString();
      try (EmbeddedGateway gateway = EmbeddedGateway.start(config(backend.url(), "/a", run + "-a"), data,
          ServiceFixtures.loader())) {
        GatewayConfig broken = TestApis.config(TestApis.api(API)
            .method("/v", "GET", httpProxy("GET", backend.url() + "/b"),
                Map.of("x-test-closeable", JSON.readTree("{\"name\":\"" + run + "-broken\"}"),
                    "x-test-mapping", JSON.readTree("{\"url\":\"http://typo\"}")))
            .build(), "v1", Map.of());

        assertThatThrownBy(() -> gateway.gateway().reload(broken)).isInstanceOf(ProblemsException.class)
            .hasMessageContaining("x-test-mapping: Unrecognized field \"url\"");

        assertThat(answeredPath(Http.get(gateway.userRequest(API, "v1", "/v")))).isEqualTo("/a");
        assertThat(CloseTrackingPluginFactory.closed(run + "-a")).isZero();
        assertThat(CloseTrackingPluginFactory.closed(run + "-broken")).as("what the refused one built").isEqualTo(1);
      }
    }
  }
}
