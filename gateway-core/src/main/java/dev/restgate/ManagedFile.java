package dev.restgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.ConfigSource;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.Problem;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway configuration file together with the objects created at run time, which are kept in
 * {@code managed-configuration.json} in the data directory (written whole, then moved into place, so a crash never
 * leaves half a file). Every load reads both; a change through the control plane is checked with the file, stored,
 * and swapped in by what it {@link #serve serves} (the live reloader, which then takes the written file as seen,
 * or the gateway itself). The managed file is one of the configuration's files, so the live reloader also notices
 * when another process changes it.
 */
public final class ManagedFile implements ManagedConfiguration, ConfigSource {
  /** The file in the data directory holding the objects created at run time. */
  public static final String FILE_NAME = "managed-configuration.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigLoader loader;
  private final Path configFile;
  private final Path managedFile;
  private volatile Target target;

  /** What applies a changed configuration: {@link ConfigReloader#apply}, or {@link Gateway#reload}. */
  @FunctionalInterface
  public interface Target {
    void apply(GatewayConfig config) throws ProblemsException;
  }

  public ManagedFile(ConfigLoader loader, Path configFile, Path dataDirectory) {
    this.loader = loader;
    this.configFile = configFile;
    this.managedFile = dataDirectory.resolve(FILE_NAME);
  }

  /** Applies later changes through {@code applier}, whose gateway was started with {@link #load()}'s configuration. */
  public void serve(Target applier) {
    this.target = applier;
  }

  @Override
  public GatewayConfig load() throws ProblemsException {
    ObjectNode managed = read();
    return withManagedFile(loader.load(configFile, managed));
  }

  @Override
  public synchronized ObjectNode document() {
    try {
      return read();
    } catch (ProblemsException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public String declaredIn() {
    return configFile.toString();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The file is written first; when the gateway then refuses the configuration (a module's problem the loader
   * cannot see), the previous objects are written back, so the file and the gateway never disagree.
   */
  @Override
  public synchronized GatewayConfig replace(ObjectNode next) throws ProblemsException {
    GatewayConfig config = withManagedFile(loader.load(configFile, next));
    ObjectNode previous = read();
    write(next);
    Target applier = target;
    if (applier == null) {
      return config;
    }
    try {
      applier.apply(config);
      return config;
    } catch (ProblemsException | RuntimeException e) {
      write(previous);
      throw e;
    }
  }

  /** Writes {@code objects} whole beside the file, then moves it into place. */
  private void write(ObjectNode objects) {
    Path written = null;
    try {
      Files.createDirectories(managedFile.getParent());
      written = Files.createTempFile(managedFile.getParent(), FILE_NAME, ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), objects);
      Files.move(written, managedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("the objects created at run time could not be stored in " + managedFile, e);
    } finally {
      if (written != null) {
        try {
          Files.deleteIfExists(written);
        } catch (IOException e) {
          // A leftover temporary file is harmless; the next write makes another.
        }
      }
    }
  }

  private ObjectNode read() throws ProblemsException {
    if (!Files.exists(managedFile)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode tree = JSON.readTree(managedFile.toFile());
      if (tree instanceof ObjectNode object) {
        return object;
      }
      throw problem("is not a JSON object");
    } catch (IOException e) {
      throw problem("cannot be read (" + e.getMessage() + ")");
    }
  }

  private ProblemsException problem(String message) {
    return new ProblemsException("The objects created at run time cannot be loaded",
        List.of(new Problem(managedFile.toString(), "", message)));
  }

  private GatewayConfig withManagedFile(GatewayConfig config) {
    List<Path> files = new ArrayList<>(config.files());
    files.add(managedFile);
    return new GatewayConfig(config.region(), config.accountId(), config.restApis(), config.sections(),
        config.source(), files);
  }
}
