package dev.restgate.war;

import java.net.URI;
import java.nio.file.Path;

/** What the build tells the integration tests (failsafe system properties, see the WAR's pom.xml). */
final class ItSettings {
  private ItSettings() {}

  static Path war() {
    return Path.of(required("restgate.it.war"));
  }

  /** The test configuration every deployment loads. */
  static Path config() {
    return Path.of(required("restgate.it.config"));
  }

  /** A fresh data directory per deployment lives under this one. */
  static Path dataRoot() {
    return Path.of(required("restgate.it.data"));
  }

  /** The port the test configuration's HTTP backend must listen on. */
  static int backendPort() {
    return Integer.parseInt(required("restgate.it.backendPort"));
  }

  static URI containerUrl(String container) {
    return URI.create(required("restgate.it." + container + ".url"));
  }

  static Path containerLog(String container) {
    return Path.of(required("restgate.it." + container + ".log"));
  }

  /** The java the standalone server runs on: the tests' own, unless {@code restgate.it.java} names another. */
  static Path java() {
    String java = System.getProperty("restgate.it.java");
    return java == null ? Path.of(System.getProperty("java.home"), "bin", "java") : Path.of(java);
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run the ITs with mvn verify");
    }
    return value;
  }
}
