package dev.restgate.spi;

/**
 * A feature module's entry point, found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/dev.restgate.spi.GatewayModule}; they need a public no-argument constructor).
 *
 * <p>The gateway calls {@link #start} once, before it compiles any deployment, and {@link #close} once when it shuts
 * down, in reverse order of start. A module registers the long-lived services it provides; it must not keep
 * per-request state.
 */
public interface GatewayModule extends AutoCloseable {

  /** A short unique name for logs. */
  String name();

  /**
   * Registers this module's services.
   *
   * @throws ProblemsException when the module's part of the configuration is invalid
   */
  void start(ModuleContext context) throws ProblemsException;

  /** Releases what {@link #start} acquired (threads, clients, class loaders). */
  @Override
  default void close() {}
}
