package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled example: every curl command the launcher prints works when pasted into a shell. Runs them with the
 * real curl.
 */
class ExampleApiGatewayIT {
  private static StandaloneProcess example;

  @BeforeAll
  static void startExample() {
    example = StandaloneProcess.start(
        "--port", String.valueOf(FreePort.find()),
        "--data", ItSettings.dataRoot().resolve("standalone-example-api").toString())
        .awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopExample() {
    example.close();
  }

  @Test
  void everyPrintedCurlCommandGets200() throws IOException, InterruptedException {
    List<String> commands = example.lines().stream()
        .filter(line -> line.startsWith("  curl "))
        .map(String::strip)
        .toList();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6);

    for (String command : commands) {
      Process curl = new ProcessBuilder("bash", "-c", command + " -sS -o /dev/null -w '%{http_code}'")
          .redirectErrorStream(true)
          .start();
      assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .as(command)
          .isEqualTo("200");
    }
  }
}
