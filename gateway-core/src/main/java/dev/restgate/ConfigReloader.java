package dev.restgate;

import dev.restgate.config.ConfigSource;
import dev.restgate.config.GatewayConfig;
import dev.restgate.spi.ProblemsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live reload: loads a gateway's configuration file again and swaps it in ({@link Gateway#reload}) when the file,
 * or anything the running configuration names ({@link GatewayConfig#files()}: API bodies, function code), changes,
 * and when asked to ({@link #reload()}, also over JMX). A file that only a rejected edit names is not watched yet:
 * saving the configuration file again, or an explicit reload, picks it up.
 *
 * <p>Files are polled (modification time and size) on one daemon thread, which works the same on every file system
 * and with the symbolic-link swaps of mounted configuration volumes. A change is applied once it has held still for
 * one interval, so a file caught half-written is not loaded. Loading and compiling happen on that thread, never on
 * a request's. A configuration that fails to load leaves the running one in place; its problems are logged once,
 * and the next change is tried again.
 *
 * <p>Thread-safe.
 */
public final class ConfigReloader implements ConfigReloaderMBean, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

  private final Gateway gateway;
  private final ConfigSource source;
  private final Path configFile;
  private final ScheduledExecutorService watcher;
  private ObjectName registered;
  private Fingerprint seen;
  private Fingerprint pending;
  private long reloads;
  private String lastFailure;

  /** The state of one watched file when it was looked at; {@code modified} is -1 for a file that is missing. */
  private record Stamp(Path path, long modified, long size) {}

  /** The watched files and the source's {@link ConfigSource#revision() revision} beyond them. */
  private record Fingerprint(List<Stamp> files, String revision) {}

  private ConfigReloader(Gateway gateway, ConfigSource source, Path configFile, Duration interval) {
    this.gateway = gateway;
    this.source = source;
    this.configFile = configFile.toAbsolutePath().normalize();
    this.seen = fingerprint();
    if (interval.isZero() || interval.isNegative()) {
      this.watcher = null;
      return;
    }
    this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "restgate-config-watch");
      thread.setDaemon(true);
      return thread;
    });
    watcher.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts reloading {@code gateway}, which serves what {@code source} read (the configuration {@code configFile}
   * and what it names), and registers the reloader with the platform MBean server.
   *
   * @param interval how often the files are looked at; zero for no watching (explicit reloads only)
   */
  public static ConfigReloader start(Gateway gateway, ConfigSource source, Path configFile, Duration interval) {
    ConfigReloader reloader = new ConfigReloader(gateway, source, configFile, interval);
    reloader.register();
    if (reloader.watcher != null) {
      LOG.info("Watching {} and the files it names for changes every {} ms", reloader.configFile,
          interval.toMillis());
    }
    return reloader;
  }

  @Override
  public synchronized String reload() {
    seen = fingerprint();
    pending = null;
    return load("requested");
  }

  /**
   * Swaps in {@code config}, which a change made through the gateway itself produced (the control plane, having
   * written the files it reads from), and takes the files as they are now as seen, so the change is not loaded and
   * compiled a second time when the watcher notices it.
   *
   * @throws ProblemsException when the gateway refuses {@code config}; the running configuration stays
   */
  public synchronized void apply(GatewayConfig config) throws ProblemsException {
    gateway.reload(config);
    seen = fingerprint();
    pending = null;
    reloads++;
    lastFailure = null;
  }

  @Override
  public String getConfigFile() {
    return configFile.toString();
  }

  @Override
  public synchronized long getReloads() {
    return reloads;
  }

  @Override
  public synchronized String getLastFailure() {
    return lastFailure;
  }

  /** One look at the files: a change that held still since the last look is applied. */
  private synchronized void poll() {
    try {
      Fingerprint now = fingerprint();
      if (now.equals(seen)) {
        pending = null;
        return;
      }
      if (!now.equals(pending)) {
        pending = now;
        return;
      }
      pending = null;
      load("a watched file or the shared store changed");
      seen = fingerprint();
    } catch (RuntimeException e) {
      LOG.error("Watching {} failed; will look again: {}", configFile, e.toString());
    }
  }

  private String load(String why) {
    GatewayConfig config;
    try {
      config = source.load();
      gateway.reload(config);
    } catch (ProblemsException e) {
      lastFailure = e.getMessage();
      String message = "Configuration not reloaded (" + why + "); the running one stays in place. "
          + e.getMessage();
      LOG.error(message);
      return message;
    } catch (RuntimeException e) {
      lastFailure = e.toString();
      String message = "Configuration not reloaded (" + why + "); the running one stays in place: " + e;
      LOG.error(message, e);
      return message;
    }
    reloads++;
    lastFailure = null;
    String message = "Configuration reloaded (" + why + "): " + configFile + ", " + config.restApis().size()
        + " REST API(s)";
    LOG.info(message);
    return message;
  }

  /** The state of the configuration file, of every file the running configuration names, and of the source. */
  private Fingerprint fingerprint() {
    Set<Path> watched = new LinkedHashSet<>();
    watched.add(configFile);
    watched.addAll(gateway.config().files());
    List<Stamp> stamps = new ArrayList<>();
    for (Path path : watched) {
      stamp(path, stamps);
    }
    return new Fingerprint(stamps, source.revision());
  }

  private static void stamp(Path path, List<Stamp> into) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isDirectory()) {
        into.add(new Stamp(path, attributes.lastModifiedTime().toMillis(), attributes.size()));
        return;
      }
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          BasicFileAttributes fileAttributes = Files.readAttributes(file, BasicFileAttributes.class);
          into.add(new Stamp(file, fileAttributes.lastModifiedTime().toMillis(), fileAttributes.size()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      into.add(new Stamp(path, -1, -1));
    }
  }

  private void register() {
    try {
      ObjectName name = new ObjectName("dev.restgate:type=ConfigReloader,name=" + ObjectName.quote(getConfigFile()));
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(this, name);
      registered = name;
    } catch (JMException e) {
      LOG.warn("The reloader of {} is not reachable over JMX: {}", configFile, e.toString());
    }
  }

  /** Stops watching and leaves JMX; the gateway keeps serving what it serves. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    if (registered != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
      } catch (JMException e) {
        LOG.debug("The reloader of {} was already gone from JMX: {}", configFile, e.toString());
      }
    }
  }
}
