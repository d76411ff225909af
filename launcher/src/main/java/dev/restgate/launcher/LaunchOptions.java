package dev.restgate.launcher;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The command line of {@code java -jar gateway.war}, checked. Immutable.
 *
 * <p>The configuration file and the data directory fall back, in this order, to the system properties
 * {@code restgate.config} / {@code restgate.data} and the environment variables {@code RESTGATE_CONFIG} /
 * {@code RESTGATE_DATA}: the same order the gateway filter itself uses, so a value set for a container works for the
 * standalone server too.
 *
 * @param config the gateway configuration file, or empty to serve the bundled example
 * @param dataDir the data directory (created when missing)
 * @param port the HTTP port; 0 picks a free one
 * @param managementPort a second HTTP port for the management endpoints (the control plane with
 *     {@code controlPlane.port} set to it), on {@code managementHost} only; 0 for none
 * @param managementHost the address the management port listens on
 */
public record LaunchOptions(Optional<Path> config, Path dataDir, int port, int managementPort,
    String managementHost) {
  /** The address the management port listens on when {@code --management-host} is not given: this machine only. */
  public static final String DEFAULT_MANAGEMENT_HOST = "127.0.0.1";
  /** The port used when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 8080;
  /** The data directory used when none is given, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("restgate-data");

  /** Printed by {@code --help}. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar gateway.war [--config FILE] [--port N] [--data DIR] [--management-port N]",
      "",
      "Runs the Restgate API gateway on an embedded Jetty.",
      "",
      "  --config FILE  gateway configuration (gateway.yaml). Default: $RESTGATE_CONFIG, or",
      "                 the bundled example API, written to DIR/example so you can copy it",
      "  --port N       HTTP port (0 picks a free one). Default: " + DEFAULT_PORT,
      "  --data DIR     data directory. Default: $RESTGATE_DATA, or ./" + DEFAULT_DATA_DIR,
      "  --management-port N",
      "                 a second port for the management API (set controlPlane.port to it)",
      "  --management-host H",
      "                 the address the management port listens on. Default: " + DEFAULT_MANAGEMENT_HOST,
      "  --help         print this help",
      "",
      "System properties -Drestgate.config and -Drestgate.data work like the options.",
      "Stop with Ctrl-C (SIGINT) or SIGTERM: requests in flight get up to 30 s to finish.");

  public LaunchOptions {
    if (port < 0 || port > 65535 || managementPort < 0 || managementPort > 65535) {
      throw new IllegalArgumentException("port out of range: " + port + ", " + managementPort);
    }
  }

  /**
   * Parses the command line.
   *
   * @param args the arguments of {@code main}
   * @param systemProperties where {@code restgate.config} and {@code restgate.data} are looked up
   * @param environment where {@code RESTGATE_CONFIG} and {@code RESTGATE_DATA} are looked up
   * @return the options, or empty when {@code --help} was asked for
   * @throws UsageException when an argument is unknown, lacks its value or has a bad one
   */
  public static Optional<LaunchOptions> parse(String[] args, Properties systemProperties,
      Map<String, String> environment) {
    String config = null;
    String data = null;
    String port = null;
    String managementPort = null;
    String managementHost = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return Optional.empty();
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (name) {
        case "--config" -> config = required(name, value);
        case "--data" -> data = required(name, value);
        case "--port" -> port = required(name, value);
        case "--management-port" -> managementPort = required(name, value);
        case "--management-host" -> managementHost = required(name, value);
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    config = firstOf(config, systemProperties.getProperty("restgate.config"), environment.get("RESTGATE_CONFIG"));
    data = firstOf(data, systemProperties.getProperty("restgate.data"), environment.get("RESTGATE_DATA"));
    return Optional.of(new LaunchOptions(
        Optional.ofNullable(config).map(LaunchOptions::existingConfig),
        data == null ? DEFAULT_DATA_DIR.toAbsolutePath() : path("--data", data).toAbsolutePath(),
        port == null ? DEFAULT_PORT : port("--port", port, 0),
        managementPort == null ? 0 : port("--management-port", managementPort, 1),
        managementHost == null ? DEFAULT_MANAGEMENT_HOST : managementHost));
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new UsageException("option " + name + " needs a value");
    }
    return value;
  }

  private static String firstOf(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }

  private static Path existingConfig(String value) {
    Path file = path("--config", value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new UsageException("configuration file not found: " + file);
    }
    return file;
  }

  private static Path path(String option, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + ": not a valid path: " + value);
    }
  }

  private static int port(String option, String value, int min) {
    try {
      int port = Integer.parseInt(value);
      if (port >= min && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new UsageException(option + ": expected a number from " + min + " to 65535, got '" + value + "'");
  }
}
