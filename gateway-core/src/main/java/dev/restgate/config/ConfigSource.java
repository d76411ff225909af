package dev.restgate.config;

import dev.restgate.spi.ProblemsException;

/** Where a running gateway's configuration comes from, read anew on every reload. */
@FunctionalInterface
public interface ConfigSource {

  /**
   * Reads the configuration as it is now.
   *
   * @throws ProblemsException listing every problem
   */
  GatewayConfig load() throws ProblemsException;
}
