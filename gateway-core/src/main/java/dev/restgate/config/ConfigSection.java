package dev.restgate.config;

import java.util.List;

/**
 * A part of {@code gateway.yaml} that a module owns: one or more top-level keys, read into a value of the module's
 * own type. Found with {@link java.util.ServiceLoader} when a configuration is loaded (list implementations in
 * {@code META-INF/services/dev.restgate.config.ConfigSection}; they need a public no-argument constructor). The
 * value reaches the module as {@link GatewayConfig#section(Class) config.section(type())}.
 *
 * <p>Core reads {@code region}, {@code accountId} and {@code restApis} first; sections then read their keys in any
 * order, so a section reads only its own keys. A key no section owns is an error that lists the valid keys. Every
 * key a section owns is documented in {@code docs/configuration.md}.
 *
 * @param <T> the section's value, an immutable record
 */
public interface ConfigSection<T> {

  /** The top-level keys this section reads, e.g. {@code lambda}; no other section may own one of them. */
  List<String> keys();

  /** The type of the value, which {@link GatewayConfig#section(Class)} is asked for. */
  Class<T> type();

  /**
   * Reads and checks this section's keys of {@code root}, reporting every problem at its node ({@link
   * ConfigNode#problem}). Called whether or not the keys are present: absent keys read as the section's defaults.
   * Never throws for bad input; the value is only used when no problem was reported.
   */
  T read(ConfigNode root, ConfigContext context);
}
