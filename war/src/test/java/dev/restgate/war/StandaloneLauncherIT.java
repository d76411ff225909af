package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar gateway.war}: the command line, the bundled example, the embedded Jetty's HTTP settings and
 * stopping. One server in example mode is shared by the tests that only look at it.
 */
class StandaloneLauncherIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static Path exampleData;
  private static int examplePort;
  private static StandaloneProcess example;

  @BeforeAll
  static void startExample() {
    exampleData = ItSettings.dataRoot().resolve("standalone-example");
    examplePort = FreePort.find();
    example = StandaloneProcess.start("--port", String.valueOf(examplePort), "--data", exampleData.toString())
        .awaitReady(START_TIMEOUT);
  }

  @AfterAll
  static void stopExample() {
    example.close();
  }

  @Test
  void helpPrintsUsageAndExitsWithZero() {
    StandaloneProcess help = StandaloneProcess.start("--help");

    assertThat(help.awaitExit(START_TIMEOUT)).isZero();
    assertThat(help.output()).startsWith("Usage: java -jar gateway.war [--config FILE] [--port N] [--data DIR]");
  }

  @Test
  void unknownOptionExitsWithTwoAndOneLineWithoutStackTrace() {
    StandaloneProcess bad = StandaloneProcess.start("--prot", "8080");

    assertThat(bad.awaitExit(START_TIMEOUT)).isEqualTo(2);
    assertThat(bad.lines()).containsExactly("restgate: unknown option '--prot'", "Run with --help for usage.");
  }

  @Test
  void badPortExitsWithTwo() {
    StandaloneProcess bad = StandaloneProcess.start("--port", "70000");

    assertThat(bad.awaitExit(START_TIMEOUT)).isEqualTo(2);
    assertThat(bad.output()).contains("--port: expected a number from 0 to 65535, got '70000'");
  }

  @Test
  void missingConfigurationFileExitsWithTwo() {
    StandaloneProcess bad = StandaloneProcess.start("--config", "no-such-gateway.yaml");

    assertThat(bad.awaitExit(START_TIMEOUT)).isEqualTo(2);
    assertThat(bad.output()).contains("configuration file not found: ").contains("no-such-gateway.yaml");
  }

  @Test
  void invalidConfigurationIsReportedOnceWithoutStackTraceAndExitsWithOne() throws IOException {
    Path directory = ItSettings.dataRoot().resolve("standalone-invalid");
    Files.createDirectories(directory);
    Path config = Files.writeString(directory.resolve("gateway.yaml"),
        "restApis:\n  - id: BadId\n    body: missing.yaml\n    stages: [{stageName: prod}]\n");

    StandaloneProcess bad = StandaloneProcess.start("--config", config.toString(), "--port", "0",
        "--data", directory.resolve("data").toString());

    assertThat(bad.awaitExit(START_TIMEOUT)).isEqualTo(1);
    assertThat(bad.output()).doesNotContain("\tat ").contains("restgate: cannot start: The configuration ");
    assertThat(bad.lines()).filteredOn(line -> line.contains("/restApis/0/id")).hasSize(1);
  }

  @Test
  void occupiedPortExitsWithOneAndSaysWhy() {
    StandaloneProcess second = StandaloneProcess.start(
        "--port", String.valueOf(examplePort), "--data", exampleData.resolveSibling("standalone-second").toString());

    assertThat(second.awaitExit(START_TIMEOUT)).isEqualTo(1);
    assertThat(second.output())
        .contains("restgate: cannot listen on port " + examplePort + ": ")
        .doesNotContain("\tat ");
  }

  @Test
  void exampleModeWritesTheExampleIntoTheDataDirectory() throws IOException {
    Path directory = exampleData.resolve("example");

    assertThat(Files.readString(directory.resolve("gateway.yaml")))
        .contains("- id: exampleapi", "- stageName: prod", "body: openapi.yaml", "codeUri: hello-function.jar")
        .containsPattern("backend: \"http://127\\.0\\.0\\.1:\\d+\"");
    assertThat(Files.readString(directory.resolve("openapi.yaml")))
        .contains("/hello/{name}:", "/echo/{proxy+}:", "/pets/{id}:", "uri: ${stageVariables.backend}/pets/{id}");
    assertThat(directory.resolve("hello-function.jar")).isNotEmptyFile();
    assertThat(example.output()).contains("Configuration: " + directory.resolve("gateway.yaml"));
  }

  @Test
  void exampleBackendInTheStageVariableServesThePetStore() throws IOException {
    String gatewayYaml = Files.readString(exampleData.resolve("example/gateway.yaml"));
    Matcher backend = Pattern.compile("backend: \"(http://[^\"]+)\"").matcher(gatewayYaml);
    assertThat(backend.find()).isTrue();

    HttpResponse<String> pet = Http.get(URI.create(backend.group(1) + "/pets/1"));

    assertThat(pet.statusCode()).isEqualTo(200);
    assertThat(pet.body()).isEqualTo("{\"id\":1,\"type\":\"dog\",\"price\":249.99}");
    assertThat(Http.get(URI.create(backend.group(1) + "/pets/42")).statusCode()).isEqualTo(404);
  }

  @Test
  void bannerShowsCurlCommandsForBothInvokeUrlForms() {
    String base = "http://localhost:" + examplePort;

    assertThat(example.lines()).contains(
        "  curl -H 'Host: exampleapi.execute-api.localhost' " + base + "/prod/hello",
        "  curl " + base + "/restapis/exampleapi/prod/_user_request_/pets",
        "  http://exampleapi.execute-api.localhost:" + examplePort + "/prod/",
        "  " + base + "/restapis/exampleapi/prod/_user_request_/");
  }

  @Test
  void bannerNamesVirtualThreadsExactlyWhenTheJavaHasThem() {
    Matcher running = Pattern.compile("is running on \\S+ with Java (\\d+) and (.*)\\.$").matcher(example.lines()
        .stream().filter(line -> line.contains("is running on")).findFirst().orElseThrow());
    assertThat(running.find()).as(example.output()).isTrue();

    boolean virtual = Integer.parseInt(running.group(1)) >= 21;

    assertThat(running.group(2)).isEqualTo(virtual
        ? "virtual threads"
        : "a pool of up to 200 platform threads (virtual threads need Java 21 or later)");
  }

  @Test
  void responsesCarryDateButNoServerHeader() {
    HttpResponse<String> response = Http.get(example.baseUri().resolve("/_health"));

    assertThat(response.headers().firstValue("Date")).isPresent();
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void encodedSlashesPlusSignsAndEmptySegmentsReachTheWebApplication() {
    HttpResponse<String> response = Http.get(URI.create(example.baseUri()
        + "/restapis/exampleapi/prod/_user_request_/echo/a%2Fb//c%2Bd%25e"));

    // Jetty refuses such paths with 400 unless told otherwise; the function sees them raw, as AWS hands them on.
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"pathParameters\":{\"proxy\":\"a%2Fb//c%2Bd%25e\"}");
  }

  @Test
  void sigtermStopsTheServerGracefully() {
    StandaloneProcess server = StandaloneProcess.start(
        "--port", "0", "--data", ItSettings.dataRoot().resolve("standalone-stop").toString())
        .awaitReady(START_TIMEOUT);

    int status = server.stop();

    assertThat(status).isEqualTo(128 + 15);
    assertThat(server.lines()).anyMatch(line -> line.endsWith("Restgate stopped"));
    assertThat(server.output()).doesNotContain("\tat ");
  }
}
