package dev.restgate.config;

import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes configuration files into a test's directory and loads them with a {@link FakeImporter}. */
final class ConfigFiles {
  static final String PETS = """
      title: Pets
      paths:
        /: [GET]
        /pets: [GET, POST]
        /pets/{petId}: [GET, DELETE]
      """;

  final Path dir;
  final FakeImporter importer = new FakeImporter();
  private final Map<String, String> environment;

  ConfigFiles(Path dir) {
    this(dir, Map.of());
  }

  ConfigFiles(Path dir, Map<String, String> environment) {
    this.dir = dir;
    this.environment = environment;
  }

  /** Writes {@code content} to {@code name} (directories created) and returns its path. */
  Path write(String name, String content) {
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GatewayConfig load(String yaml) throws ProblemsException {
    return loader().load(write("gateway.yaml", yaml));
  }

  /** The problems of loading {@code yaml}, which must fail. */
  List<Problem> problems(String yaml) {
    try {
      loader().load(write("gateway.yaml", yaml));
    } catch (ProblemsException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration loaded, but problems were expected");
  }

  ConfigLoader loader() {
    return new ConfigLoader(importer, environment::get);
  }
}
