package dev.restgate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.ConfigSource;
import dev.restgate.config.GatewayConfig;
import dev.restgate.config.StoreConfig;
import dev.restgate.spi.HealthCheck;
import dev.restgate.spi.ManagedConfiguration;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway configuration file together with the objects created at run time, kept where the file's {@code store}
 * says: {@code managed-configuration.json} in the data directory ({@code embedded}), or a row in PostgreSQL that
 * every node of a cluster shares ({@code postgresql}). Every load reads both; a change through the control plane
 * is checked with the file, stored, and swapped in by what it {@link #serve serves} (the live reloader, which then
 * takes the change as seen, or the gateway itself). The live reloader notices changes made elsewhere: to the file
 * in the data directory as to any configuration file, and to the shared row by its {@link #revision()}.
 */
public final class ManagedObjects implements ManagedConfiguration, ConfigSource, HealthCheck, AutoCloseable {
  /** The file in the data directory holding the objects created at run time (a copy with PostgreSQL). */
  public static final String FILE_NAME = "managed-configuration.json";

  private final ConfigLoader loader;
  private final Path configFile;
  private final Path localFile;
  private final ManagedStore store;
  private volatile Target target;

  /** What applies a changed configuration: {@link ConfigReloader#apply}, or {@link Gateway#reload}. */
  @FunctionalInterface
  public interface Target {
    void apply(GatewayConfig config) throws ProblemsException;
  }

  private ManagedObjects(ConfigLoader loader, Path configFile, Path localFile, ManagedStore store) {
    this.loader = loader;
    this.configFile = configFile;
    this.localFile = localFile;
    this.store = store;
  }

  /**
   * The objects of the store {@code configFile} names.
   *
   * @throws ProblemsException when the file's {@code store} section has problems
   */
  public static ManagedObjects open(ConfigLoader loader, Path configFile, Path dataDirectory)
      throws ProblemsException {
    Path localFile = dataDirectory.resolve(FILE_NAME);
    StoreConfig config = loader.store(configFile);
    ManagedStore store = config.type().equals("postgresql") ? new ManagedPostgresStore(config, localFile)
        : new ManagedFileStore(localFile);
    return new ManagedObjects(loader, configFile, localFile, store);
  }

  /** Applies later changes through {@code applier}, whose gateway was started with {@link #load()}'s configuration. */
  public void serve(Target applier) {
    this.target = applier;
  }

  @Override
  public GatewayConfig load() throws ProblemsException {
    return withManagedFile(loader.load(configFile, store.read().document()));
  }

  @Override
  public String revision() {
    return store.revision();
  }

  @Override
  public Snapshot read() {
    try {
      return store.read();
    } catch (ProblemsException e) {
      throw new UncheckedIOException(new IOException(e.getMessage() + ": " + e.problems().stream()
          .map(problem -> problem.message()).toList(), e));
    }
  }

  @Override
  public String declaredIn() {
    return configFile.toString();
  }

  @Override
  public String name() {
    return "managedObjects";
  }

  /** Whether the store of the objects answers (a file always does; PostgreSQL may not). */
  @Override
  public Optional<String> problem() {
    return store.problem();
  }

  /** Where the objects are kept, for messages. */
  public String location() {
    return store.location();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The objects are stored first; when the gateway then refuses the configuration (a module's problem the
   * loader cannot see), the previous objects are stored back, so the store and the gateway never disagree.
   */
  @Override
  public synchronized GatewayConfig replace(Snapshot changed) throws ProblemsException {
    GatewayConfig config = withManagedFile(loader.load(configFile, changed.document()));
    ObjectNode previous;
    try {
      previous = store.read().document();
    } catch (ProblemsException e) {
      previous = null;
    }
    String revision = store.write(changed.revision(), changed.document());
    Target applier = target;
    if (applier == null) {
      return config;
    }
    try {
      applier.apply(config);
      return config;
    } catch (ProblemsException | RuntimeException e) {
      if (previous != null) {
        store.write(revision, previous);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    store.close();
  }

  /** The configuration, with the file of the objects among its files when that file is what they are kept in. */
  private GatewayConfig withManagedFile(GatewayConfig config) {
    if (!(store instanceof ManagedFileStore)) {
      return config;
    }
    List<Path> files = new ArrayList<>(config.files());
    files.add(localFile);
    return new GatewayConfig(config.region(), config.accountId(), config.restApis(), config.sections(),
        config.source(), files);
  }
}
