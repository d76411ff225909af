package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Live reload of the standalone gateway: edits to {@code gateway.yaml} and the OpenAPI file it names are applied
 * while several clients keep calling, without a failed request or a half-applied configuration; a broken edit
 * changes nothing; {@code kill -HUP} reloads when watching is off.
 */
class ReloadIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration APPLIED_WITHIN = Duration.ofSeconds(10);
  private static final int CLIENTS = 4;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String BROKEN_EDIT = "restApis:\n  - id: reloadapi1\n    body: openapi.yaml\n"
      + "    stages: [{stageName: prod, variables: {generation: one}}]\nrateLimit: {}\n";

  @Test
  void editsAreLiveWithinSecondsUnderLoadAndABrokenEditChangesNothing() throws Exception {
    Path directory = directory("watch");
    Path config = write(directory, "one");
    try (StandaloneProcess gateway = start(config, directory, "0.5")) {
      gateway.awaitReady(START_TIMEOUT);
      URI uri = uri(gateway);
      assertThat(body(uri)).isEqualTo(generation("one"));

      Set<String> seen = ConcurrentHashMap.newKeySet();
      Queue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger requests = new AtomicInteger();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int i = 0; i < CLIENTS; i++) {
        clients.submit(() -> {
          while (running.get()) {
            try {
              HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).build(),
                  HttpResponse.BodyHandlers.ofString());
              requests.incrementAndGet();
              if (response.statusCode() != 200
                  || !List.of(generation("one"), generation("two")).contains(response.body())) {
                failures.add(response.statusCode() + " " + response.body());
              }
              seen.add(response.body());
            } catch (Exception e) {
              failures.add(e.toString());
            }
          }
          return null;
        });
      }
      try {
        Thread.sleep(500);
        write(directory, "two");
        long edited = System.nanoTime();
        while (body(uri).equals(generation("one"))) {
          assertThat(Duration.ofNanos(System.nanoTime() - edited)).isLessThan(APPLIED_WITHIN);
          Thread.sleep(50);
        }
        Thread.sleep(1000);
      } finally {
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(failures).isEmpty();
      assertThat(seen).contains(generation("one"), generation("two"));
      assertThat(requests.get()).isGreaterThan(50);
      assertThat(body(uri)).isEqualTo(generation("two"));

      Files.writeString(directory.resolve("gateway.yaml"), BROKEN_EDIT);
      awaitLine(gateway, "Configuration not reloaded");
      Thread.sleep(2000);
      assertThat(body(uri)).isEqualTo(generation("two"));
      assertThat(gateway.lines().stream().filter(line -> line.contains("Configuration not reloaded")))
          .as("a broken edit is reported once").hasSize(1);
      assertThat(gateway.output()).contains("unknown key \"rateLimit\"");
    }
  }

  @Test
  void hangUpReloadsWhenWatchingIsOff() throws Exception {
    Path directory = directory("hangup");
    Path config = write(directory, "one");
    try (StandaloneProcess gateway = start(config, directory, "0")) {
      gateway.awaitReady(START_TIMEOUT);
      URI uri = uri(gateway);
      write(directory, "two");
      Thread.sleep(1500);
      assertThat(body(uri)).as("nothing watches the files").isEqualTo(generation("one"));

      gateway.hangUp();
      awaitLine(gateway, "Configuration reloaded (requested)");
      assertThat(body(uri)).isEqualTo(generation("two"));
    }
  }

  private static StandaloneProcess start(Path config, Path directory, String watchInterval) {
    return StandaloneProcess.start(Map.of("RESTGATE_WATCH_INTERVAL", watchInterval), "--config", config.toString(),
        "--port", String.valueOf(FreePort.find()), "--data", directory.resolve("data").toString());
  }

  private static Path directory(String name) throws Exception {
    return Files.createDirectories(ItSettings.dataRoot().resolve("reload-" + name + "-"
        + UUID.randomUUID().toString().substring(0, 8)));
  }

  /** Writes both files of one generation: the stage variable and the definition's template must agree. */
  private static Path write(Path directory, String generation) throws Exception {
    Files.writeString(directory.resolve("openapi.yaml"), """
        openapi: 3.0.1
        info: {title: reload, version: "1"}
        paths:
          /generation:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                responses:
                  default:
                    statusCode: "200"
                    responseTemplates:
                      application/json: '{"definition": "%s", "variable": "$stageVariables.generation"}'
        """.formatted(generation));
    return Files.writeString(directory.resolve("gateway.yaml"), """
        restApis:
          - id: reloadapi1
            body: openapi.yaml
            stages: [{stageName: prod, variables: {generation: %s}}]
        """.formatted(generation));
  }

  private static String generation(String name) {
    return "{\"definition\": \"" + name + "\", \"variable\": \"" + name + "\"}";
  }

  private static URI uri(StandaloneProcess gateway) {
    return URI.create(gateway.baseUri() + "/restapis/reloadapi1/prod/_user_request_/generation");
  }

  private static String body(URI uri) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static void awaitLine(StandaloneProcess gateway, String text) throws InterruptedException {
    long deadline = System.nanoTime() + APPLIED_WITHIN.toNanos();
    while (!gateway.output().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line with '" + text + "' within " + APPLIED_WITHIN + ":\n" + gateway.output());
      }
      Thread.sleep(50);
    }
  }
}
