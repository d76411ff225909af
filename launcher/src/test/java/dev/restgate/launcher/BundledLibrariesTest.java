package dev.restgate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledLibrariesTest {
  @TempDir
  Path directory;

  @Test
  void extractsTheJarsOfTheLauncherFolderOnlyAndLoadsFromThem() throws IOException {
    Path war = war(Map.of(
        "WEB-INF/launcher/lib/server.jar", jar("dev/example/hello.txt", "from the launcher"),
        "WEB-INF/launcher/lib/nested/other.jar", jar("x.txt", "nested"),
        "WEB-INF/lib/gateway.jar", jar("y.txt", "web app"),
        "WEB-INF/launcher/lib/readme.txt", "not a jar".getBytes(StandardCharsets.UTF_8)));
    Path target = directory.resolve("work/lib");

    try (URLClassLoader loader = BundledLibraries.extract(war, target)) {
      assertThat(target).isDirectoryContaining("glob:**/server.jar");
      try (var files = Files.list(target)) {
        assertThat(files).hasSize(1);
      }
      assertThat(loader.getResource("dev/example/hello.txt")).isNotNull();
      assertThat(loader.getParent()).isSameAs(BundledLibraries.class.getClassLoader());
    }
  }

  @Test
  void warWithoutLauncherFolderIsRefused() throws IOException {
    Path war = war(Map.of("WEB-INF/lib/gateway.jar", jar("y.txt", "web app")));

    assertThatThrownBy(() -> BundledLibraries.extract(war, directory.resolve("lib")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has no WEB-INF/launcher/lib/");
  }

  private Path war(Map<String, byte[]> entries) throws IOException {
    Path war = Files.createTempFile(directory, "gateway", ".war");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return war;
  }

  private byte[] jar(String name, String content) throws IOException {
    Path jar = Files.createTempFile(directory, "lib", ".jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return Files.readAllBytes(jar);
  }
}
