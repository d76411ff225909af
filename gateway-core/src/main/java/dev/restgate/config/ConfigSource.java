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

  /**
   * The revision of what this source reads beyond files (a shared database row), so a watcher reloads when it
   * moves; null when everything it reads is in files, which are watched as files.
   */
  default String revision() {
    return null;
  }
}
