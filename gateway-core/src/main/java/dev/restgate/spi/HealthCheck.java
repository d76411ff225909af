package dev.restgate.spi;

import java.util.Optional;

/**
 * Something the gateway needs to serve as configured, such as a shared store, checked by the readiness probe
 * ({@code GET /_health/ready}). A module registers one per configuration ({@link ModuleContext#registerHealthCheck});
 * the probe calls it on the probe's own request, never on an API request's. Thread-safe.
 */
public interface HealthCheck {

  /** What is checked, as the probe's answer names it ({@code rateLimiting}, {@code cache}, ...). */
  String name();

  /**
   * Checks now, bounded by a short timeout (about a second).
   *
   * @return empty when ready, else why not, in one line
   */
  Optional<String> problem();
}
