package dev.restgate;

/**
 * The JMX face of a {@link ConfigReloader}, registered as {@code dev.restgate:type=ConfigReloader,name="FILE"}:
 * the explicit reload trigger for gateways in a servlet container (and what {@code SIGHUP} calls in the standalone
 * gateway).
 */
public interface ConfigReloaderMBean {

  /** Loads the configuration file again and swaps it in; returns what happened, as the log says it. */
  String reload();

  /** The configuration file. */
  String getConfigFile();

  /** How many configurations were swapped in since the gateway started. */
  long getReloads();

  /** Why the last attempt failed, or null when it succeeded (or none was made). */
  String getLastFailure();
}
