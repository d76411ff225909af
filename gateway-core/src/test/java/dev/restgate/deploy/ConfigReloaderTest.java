package dev.restgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.ConfigReloader;
import dev.restgate.Gateway;
import dev.restgate.config.ConfigContext;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.ConfigNode;
import dev.restgate.config.ConfigSection;
import dev.restgate.testing.FakeImporter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration reloader: what it watches, when it reloads, and its JMX face. */
class ConfigReloaderTest {
  private static final Duration INTERVAL = Duration.ofMillis(50);

  @TempDir
  Path dir;

  /** A module's section naming a directory, as the Lambda module names function code. */
  public static final class CodeSection implements ConfigSection<String> {
    @Override
    public List<String> keys() {
      return List.of("code");
    }

    @Override
    public Class<String> type() {
      return String.class;
    }

    @Override
    public String read(ConfigNode root, ConfigContext context) {
      String code = root.field("code").string();
      if (code != null) {
        context.dependsOn(context.configFile().resolveSibling(code));
      }
      return code;
    }
  }

  private Gateway start(ConfigLoader loader, Path file) throws Exception {
    return Gateway.start(loader.load(file), dir.resolve("data"), Clock.systemUTC(),
        ConfigReloaderTest.class.getClassLoader());
  }

  /** Writes the configuration and its API, whose title tells one edit from another. */
  private Path write(String title) throws Exception {
    Files.writeString(dir.resolve("api.yaml"), "title: " + title + "\n");
    return Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - {id: watched001, body: api.yaml, stages: [{stageName: prod}]}
        code: functions
        """);
  }

  private static String title(Gateway gateway) {
    return gateway.config().restApis().get(0).deployments().get(0).api().name();
  }

  private static void await(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void theConfigurationRecordsTheFilesItWasReadFromAndThoseItsSectionsName() throws Exception {
    Files.createDirectories(dir.resolve("functions"));
    Path file = write("first");
    ConfigLoader loader = new ConfigLoader(new FakeImporter(), List.of(new CodeSection()), name -> null);

    assertThat(loader.load(file).files()).containsExactly(file.toAbsolutePath(),
        dir.resolve("api.yaml").toAbsolutePath(), dir.resolve("functions").toAbsolutePath());
  }

  @Test
  void aChangedBodyOrFileInANamedDirectoryIsSwappedInAndABrokenOneIsNot() throws Exception {
    Path functions = Files.createDirectories(dir.resolve("functions"));
    Path file = write("first");
    ConfigLoader loader = new ConfigLoader(new FakeImporter(), List.of(new CodeSection()), name -> null);
    try (Gateway gateway = start(loader, file);
        ConfigReloader reloader = ConfigReloader.start(gateway, () -> loader.load(file), file, INTERVAL)) {
      write("second");
      await(() -> title(gateway).equals("second"));
      assertThat(reloader.getReloads()).isEqualTo(1);

      Files.writeString(Files.createDirectories(functions.resolve("lib")).resolve("handler.jar"), "code");
      await(() -> reloader.getReloads() == 2);

      Files.writeString(dir.resolve("api.yaml"), "title: broken\nerrors: [the definition is broken]\n");
      await(() -> reloader.getLastFailure() != null);
      assertThat(reloader.getLastFailure()).contains("the definition is broken");
      assertThat(title(gateway)).isEqualTo("second");
      Thread.sleep(INTERVAL.toMillis() * 5);
      assertThat(reloader.getReloads()).as("nothing more was swapped in").isEqualTo(2);
    }
  }

  @Test
  void aConfigurationAppliedThroughTheReloaderIsServedAndCounted() throws Exception {
    Files.createDirectories(dir.resolve("functions"));
    Path file = write("first");
    ConfigLoader loader = new ConfigLoader(new FakeImporter(), List.of(new CodeSection()), name -> null);
    try (Gateway gateway = start(loader, file);
        ConfigReloader reloader = ConfigReloader.start(gateway, () -> loader.load(file), file, Duration.ZERO)) {
      write("applied");

      reloader.apply(loader.load(file));

      assertThat(title(gateway)).isEqualTo("applied");
      assertThat(reloader.getReloads()).isEqualTo(1);
      assertThat(reloader.getLastFailure()).isNull();
    }
  }

  @Test
  void jmxCallsReloadWhenWatchingIsOff() throws Exception {
    Files.createDirectories(dir.resolve("functions"));
    Path file = write("first");
    ConfigLoader loader = new ConfigLoader(new FakeImporter(), List.of(new CodeSection()), name -> null);
    try (Gateway gateway = start(loader, file);
        ConfigReloader reloader = ConfigReloader.start(gateway, () -> loader.load(file), file, Duration.ZERO)) {
      write("third");
      assertThat(title(gateway)).as("no watcher runs").isEqualTo("first");

      ObjectName name = new ObjectName("dev.restgate:type=ConfigReloader,name="
          + ObjectName.quote(file.toAbsolutePath().toString()));
      Object answer = ManagementFactory.getPlatformMBeanServer().invoke(name, "reload", new Object[0],
          new String[0]);

      assertThat(answer.toString()).startsWith("Configuration reloaded (requested)");
      assertThat(title(gateway)).isEqualTo("third");
      assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Reloads")).isEqualTo(1L);
    }
    assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(
        new ObjectName("dev.restgate:type=ConfigReloader,*"), null)).isEmpty();
  }
}
