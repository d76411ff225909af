package dev.restgate.launcher;

import java.util.Map;

/**
 * Log format defaults for slf4j-simple, used by both the embedded server and the gateway web application. Set as
 * system properties because both read them there; a {@code -D} on the command line wins.
 */
final class LogDefaults {
  private static final Map<String, String> DEFAULTS = Map.of(
      "org.slf4j.simpleLogger.logFile", "System.out",
      "org.slf4j.simpleLogger.showDateTime", "true",
      "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
      "org.slf4j.simpleLogger.showThreadName", "false",
      "org.slf4j.simpleLogger.showShortLogName", "true",
      "org.slf4j.simpleLogger.levelInBrackets", "true",
      // Jetty's start-up lines repeat what the launcher prints; its warnings and errors still show.
      "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
      // The launcher prints why the web application failed to start, without Jetty's stack trace of it.
      "org.slf4j.simpleLogger.log.org.eclipse.jetty.ee10.webapp.WebAppContext", "error");

  private LogDefaults() {}

  static void apply() {
    DEFAULTS.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
  }
}
