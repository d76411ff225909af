package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's five-minute tour, as a user would paste it: the gateway started without configuration, then every
 * {@code curl} command of the tour run with the real curl, each output checked against the {@code # ...} lines the
 * README shows under the command.
 */
class ReadmeTourIT {
  private static final String TOUR_HEADING = "## A five-minute tour";
  private static StandaloneProcess gateway;
  private static int port;

  @BeforeAll
  static void startTheExample() {
    port = FreePort.find();
    gateway = StandaloneProcess.start(
        "--port", String.valueOf(port),
        "--data", ItSettings.dataRoot().resolve("readme-tour").toString())
        .awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** A command of the tour and the fragments its output must contain. */
  record Step(String command, List<String> expected) {}

  static List<Step> tourSteps() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("restgate.it.readme")));
    int start = readme.indexOf(TOUR_HEADING);
    assertThat(start).as("README has a tour").isNotNegative();
    int end = readme.indexOf("\n## ", start + TOUR_HEADING.length());
    List<Step> steps = new ArrayList<>();
    Step current = null;
    for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
      if (line.startsWith("curl ")) {
        current = new Step(line, new ArrayList<>());
        steps.add(current);
      } else if (line.startsWith("# ") && current != null) {
        current.expected().add(line.substring(2));
      } else {
        current = null;
      }
    }
    return steps;
  }

  @Test
  void everyTourCommandPrintsWhatTheReadmeShows() throws Exception {
    List<Step> steps = tourSteps();
    assertThat(steps).hasSizeGreaterThanOrEqualTo(5).allSatisfy(step -> assertThat(step.expected()).isNotEmpty());
    for (Step step : steps) {
      String command = step.command().replace("localhost:8080", "localhost:" + port);
      Process curl = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
      assertThat(curl.waitFor(30, TimeUnit.SECONDS)).as(command).isTrue();
      String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
      assertThat(curl.exitValue()).as(command).isZero();
      for (String fragment : step.expected()) {
        assertThat(output).as(command).contains(fragment);
      }
    }
  }
}
