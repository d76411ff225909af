package dev.restgate.launcher.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleApiTest {
  @TempDir
  Path dataDir;

  @Test
  void writesTheExampleWithTheRunningBackendAsStageVariable() throws IOException {
    try (ExampleApi example = ExampleApi.start(dataDir)) {
      Path directory = dataDir.resolve("example");

      assertThat(example.configFile()).isEqualTo(directory.resolve("gateway.yaml"));
      assertThat(Files.readString(example.configFile()))
          .contains("- id: exampleapi", "- stageName: prod", "functionName: hello")
          .doesNotContain("@BACKEND_URL@")
          .containsPattern("backend: \"http://127\\.0\\.0\\.1:\\d+\"");
      assertThat(directory.resolve("openapi.yaml")).content().contains("openapi: 3.0.1");
      try (ZipFile jar = new ZipFile(directory.resolve("hello-function.jar").toFile())) {
        assertThat(jar.getEntry("META-INF/MANIFEST.MF")).isNotNull();
      }
    }
  }

  @Test
  void replacesTheFilesOfAnEarlierRun() throws IOException {
    Path config = Files.createDirectories(dataDir.resolve("example")).resolve("gateway.yaml");
    Files.writeString(config, "edited by hand");

    try (ExampleApi example = ExampleApi.start(dataDir)) {
      assertThat(Files.readString(config)).contains("- id: exampleapi");
    }
  }
}
