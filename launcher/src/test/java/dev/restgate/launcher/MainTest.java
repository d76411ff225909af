package dev.restgate.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    assertThat(run("--help")).isZero();
    assertThat(text(out)).isEqualTo(LaunchOptions.USAGE + System.lineSeparator());
    assertThat(text(err)).isEmpty();
  }

  @Test
  void badCommandLineExitsWithTwoAndPointsToHelp() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(text(err)).isEqualTo(String.join(System.lineSeparator(),
        "restgate: unknown option '--bogus'", "Run with --help for usage.", ""));
    assertThat(text(out)).isEmpty();
  }

  @Test
  void startingFromClassesInsteadOfTheWarExitsWithOneAndSaysHowToStart() {
    // In this test the launcher's classes come from a directory, not from gateway.war.
    assertThat(run("--port", "0")).isEqualTo(1);
    assertThat(text(err)).startsWith("restgate: cannot start: not started from a WAR file")
        .contains("run java -jar gateway.war");
  }

  private int run(String... args) {
    return Main.run(args, Map.of(), print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
