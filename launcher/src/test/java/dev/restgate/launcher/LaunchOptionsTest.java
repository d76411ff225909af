package dev.restgate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {
  private static final Properties NO_PROPERTIES = new Properties();
  private static final Map<String, String> NO_ENVIRONMENT = Map.of();

  @TempDir
  Path directory;

  @Test
  void noArgumentsServeTheExampleOnPort8080WithDataInTheWorkingDirectory() {
    LaunchOptions options = parse().orElseThrow();

    assertThat(options.config()).isEmpty();
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.dataDir()).isEqualTo(Path.of("restgate-data").toAbsolutePath());
  }

  @Test
  void optionsTakeTheirValueAsTheNextArgumentOrAfterAnEqualsSign() throws IOException {
    Path config = Files.createFile(directory.resolve("gateway.yaml"));

    LaunchOptions options = parse("--config", config.toString(), "--port=9090", "--data=" + directory).orElseThrow();

    assertThat(options.config()).contains(config);
    assertThat(options.port()).isEqualTo(9090);
    assertThat(options.dataDir()).isEqualTo(directory);
  }

  @Test
  void helpWinsOverEverythingElse() {
    assertThat(parse("--port", "1", "--help", "--bogus")).isEmpty();
    assertThat(parse("-h")).isEmpty();
  }

  @Test
  void optionBeatsSystemPropertyWhichBeatsEnvironment() throws IOException {
    Path fromOption = Files.createFile(directory.resolve("option.yaml"));
    Path fromProperty = Files.createFile(directory.resolve("property.yaml"));
    Path fromEnvironment = Files.createFile(directory.resolve("environment.yaml"));
    Properties properties = new Properties();
    properties.setProperty("restgate.config", fromProperty.toString());
    properties.setProperty("restgate.data", "/data/property");
    Map<String, String> environment = Map.of(
        "RESTGATE_CONFIG", fromEnvironment.toString(), "RESTGATE_DATA", "/data/environment");

    assertThat(LaunchOptions.parse(new String[] {"--config", fromOption.toString()}, properties, environment)
        .orElseThrow().config()).contains(fromOption);
    assertThat(LaunchOptions.parse(new String[0], properties, environment).orElseThrow())
        .returns(Optional.of(fromProperty), LaunchOptions::config)
        .returns(Path.of("/data/property"), LaunchOptions::dataDir);
    assertThat(LaunchOptions.parse(new String[0], NO_PROPERTIES, environment).orElseThrow())
        .returns(Optional.of(fromEnvironment), LaunchOptions::config)
        .returns(Path.of("/data/environment"), LaunchOptions::dataDir);
  }

  @Test
  void portZeroAsksForAFreePort() {
    assertThat(parse("--port", "0").orElseThrow().port()).isZero();
  }

  @Test
  void aManagementPortListensOnThisMachineUnlessAHostIsGiven() {
    LaunchOptions none = parse().orElseThrow();
    assertThat(none.managementPort()).isZero();
    LaunchOptions local = parse("--management-port", "9001").orElseThrow();
    assertThat(local.managementPort()).isEqualTo(9001);
    assertThat(local.managementHost()).isEqualTo("127.0.0.1");
    assertThat(parse("--management-port", "9001", "--management-host", "10.0.0.5").orElseThrow().managementHost())
        .isEqualTo("10.0.0.5");
    assertThatThrownBy(() -> parse("--management-port", "0")).isInstanceOf(UsageException.class)
        .hasMessage("--management-port: expected a number from 1 to 65535, got '0'");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThatThrownBy(() -> parse("--prot", "80")).isInstanceOf(UsageException.class)
        .hasMessage("unknown option '--prot'");
  }

  @Test
  void optionWithoutValueIsAUsageError() {
    assertThatThrownBy(() -> parse("--port")).isInstanceOf(UsageException.class)
        .hasMessage("option --port needs a value");
    assertThatThrownBy(() -> parse("--config", "--port", "80")).isInstanceOf(UsageException.class)
        .hasMessage("option --config needs a value");
  }

  @Test
  void portOutsideTheTcpRangeIsAUsageError() {
    for (String port : new String[] {"-1", "65536", "http", "80.5"}) {
      assertThatThrownBy(() -> parse("--port", port)).isInstanceOf(UsageException.class)
          .hasMessage("--port: expected a number from 0 to 65535, got '" + port + "'");
    }
  }

  @Test
  void missingConfigurationFileIsAUsageError() {
    Path missing = directory.resolve("missing.yaml");

    assertThatThrownBy(() -> parse("--config", missing.toString())).isInstanceOf(UsageException.class)
        .hasMessage("configuration file not found: " + missing);
  }

  private static Optional<LaunchOptions> parse(String... args) {
    return LaunchOptions.parse(args, NO_PROPERTIES, NO_ENVIRONMENT);
  }
}
