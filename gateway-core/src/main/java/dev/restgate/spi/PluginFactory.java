package dev.restgate.spi;

import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Plugin} of one method at deploy time, or declines. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.restgate.spi.PluginFactory}) and need a
 * public no-argument constructor.
 *
 * <p>A factory may read its own configuration from an OpenAPI extension ({@link #extension()}): the value at method
 * level (on the operation) wins over the value at API level (the document root). The gateway binds that JSON value
 * to {@link #configType()} with Jackson when the API is deployed, so a bad value fails the deployment with its
 * location, not the first request.
 *
 * @param <C> the configuration type, usually a record; {@link Void} when the factory takes none
 */
public interface PluginFactory<C> {

  /** A short unique name, used in logs and to order factories within a phase. */
  String name();

  Phase phase();

  /** The extension holding this factory's configuration (e.g. {@code x-acme-audit}), or null when it has none. */
  default String extension() {
    return null;
  }

  /**
   * The protections this factory's plugins enforce, empty for most factories. A method requiring a
   * {@link Protection} (see {@link Protection#requiredBy}) is served only when a factory declaring it built a plugin
   * for that method; declare one only when the plugin refuses every request that does not satisfy it, failures of
   * its own included.
   */
  default Set<Protection> enforces() {
    return Set.of();
  }

  /** The type the extension's value binds to. */
  @SuppressWarnings("unchecked")
  default Class<C> configType() {
    return (Class<C>) Void.class;
  }

  /**
   * Builds the plugin for one method.
   *
   * @param site the method and everything around it
   * @param config the bound extension value, or null when neither the method nor the API sets the extension
   * @return the plugin, or empty when this method needs none
   * @throws IllegalArgumentException when the configuration is invalid; the message is reported with the method
   */
  Optional<Plugin> create(MethodSite site, C config);
}
