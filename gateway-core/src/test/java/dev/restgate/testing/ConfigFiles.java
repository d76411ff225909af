package dev.restgate.testing;

import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes configuration files into a test's directory and loads them with a {@link FakeImporter} and the configuration
 * sections on the test's class path.
 */
public final class ConfigFiles {
  public static final String PETS = """
      title: Pets
      paths:
        /: [GET]
        /pets: [GET, POST]
        /pets/{petId}: [GET, DELETE]
      """;

  public final Path dir;
  public final FakeImporter importer = new FakeImporter();
  private final Map<String, String> environment;

  public ConfigFiles(Path dir) {
    this(dir, Map.of());
  }

  public ConfigFiles(Path dir, Map<String, String> environment) {
    this.dir = dir;
    this.environment = environment;
  }

  /** Writes {@code content} to {@code name} (directories created) and returns its path. */
  public Path write(String name, String content) {
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GatewayConfig load(String yaml) throws ProblemsException {
    return loader().load(write("gateway.yaml", yaml));
  }

  /** The problems of loading {@code yaml}, which must fail. */
  public List<Problem> problems(String yaml) {
    try {
      loader().load(write("gateway.yaml", yaml));
    } catch (ProblemsException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration loaded, but problems were expected");
  }

  /**
   * The problems of loading {@code yaml}, which must fail, as pointer to message; several messages at one pointer are
   * joined with {@code " | "}.
   */
  public Map<String, String> messages(String yaml) {
    Map<String, String> messages = new LinkedHashMap<>();
    problems(yaml).forEach(p -> messages.merge(p.pointer(), p.message(), (a, b) -> a + " | " + b));
    return messages;
  }

  public ConfigLoader loader() {
    return new ConfigLoader(importer, ConfigLoader.sections(ConfigFiles.class.getClassLoader()), environment::get);
  }
}
