package dev.restgate.testing;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test plugins and modules of the core's own tests ({@code src/test/service-fixtures/META-INF/services}), visible
 * only through the class loader this returns, so they never reach a gateway started by another test or module.
 */
public final class ServiceFixtures {
  private ServiceFixtures() {}

  /**
   * A class loader that sees the test class path plus the core's test service registrations, whose directory the
   * build passes as the system property {@code restgate.test.serviceFixtures}.
   */
  public static ClassLoader loader() {
    String directory = System.getProperty("restgate.test.serviceFixtures");
    if (directory == null) {
      throw new IllegalStateException("the system property restgate.test.serviceFixtures is not set: run the tests "
          + "with Maven, or set it to gateway-core/src/test/service-fixtures");
    }
    Path fixtures = Path.of(directory);
    if (!Files.isDirectory(fixtures)) {
      throw new IllegalStateException(fixtures.toAbsolutePath() + " (restgate.test.serviceFixtures) is missing");
    }
    try {
      return new URLClassLoader(new URL[] {fixtures.toUri().toURL()}, ServiceFixtures.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }
}
