package dev.restgate.sdkgen;

/**
 * Keeps OpenAPI Generator's logging out of the gateway's log: it writes a line for every file it generates and
 * warns about every construct of a definition that a target language renders imperfectly. The gateway logs through
 * slf4j-simple, which reads a logger's level from system properties when the logger is made, so the generator's
 * levels are set here, before its classes load; a {@code -D} of the same name on the command line wins, and
 * other slf4j bindings keep their own configuration.
 */
final class GeneratorLogs {
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";

  private GeneratorLogs() {}

  static void quiet() {
    if (System.getProperty(PREFIX + "org.openapitools") == null) {
      System.setProperty(PREFIX + "org.openapitools", "error");
    }
  }
}
