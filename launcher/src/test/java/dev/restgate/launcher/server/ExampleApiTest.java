package dev.restgate.launcher.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleApiTest {
  private static final byte[] FUNCTION_JAR = "the function's jar".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path directory;

  @Test
  void writesTheExampleWithTheRunningBackendAsStageVariable() throws IOException {
    Path dataDir = directory.resolve("data");

    try (ExampleApi example = ExampleApi.start(dataDir, war(true))) {
      Path written = dataDir.resolve("example");

      assertThat(example.configFile()).isEqualTo(written.resolve("gateway.yaml"));
      assertThat(Files.readString(example.configFile()))
          .contains("- id: exampleapi", "- stageName: prod", "functionName: hello", "codeUri: hello-function.jar")
          .doesNotContain("@BACKEND_URL@")
          .containsPattern("backend: \"http://127\\.0\\.0\\.1:\\d+\"");
      assertThat(written.resolve("openapi.yaml")).content().contains("openapi: 3.0.1", "/pets/{id}:");
      assertThat(written.resolve("hello-function.jar")).hasBinaryContent(FUNCTION_JAR);
    }
  }

  @Test
  void replacesTheFilesOfAnEarlierRun() throws IOException {
    Path dataDir = directory.resolve("data");
    Path config = Files.createDirectories(dataDir.resolve("example")).resolve("gateway.yaml");
    Files.writeString(config, "edited by hand");

    try (ExampleApi example = ExampleApi.start(dataDir, war(true))) {
      assertThat(Files.readString(config)).contains("- id: exampleapi");
    }
  }

  @Test
  void warWithoutTheFunctionIsRefused() throws IOException {
    Path war = war(false);

    assertThatThrownBy(() -> ExampleApi.start(directory.resolve("data"), war))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("lacks the example function " + ExampleApi.FUNCTION_JAR_ENTRY);
  }

  private Path war(boolean withFunction) throws IOException {
    Path war = directory.resolve("gateway.war");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
      zip.putNextEntry(new ZipEntry(withFunction ? ExampleApi.FUNCTION_JAR_ENTRY : "WEB-INF/web.xml"));
      zip.write(FUNCTION_JAR);
      zip.closeEntry();
    }
    return war;
  }
}
