package dev.restgate.spi;

/**
 * A feature module's entry point, found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/dev.restgate.spi.GatewayModule}; they need a public no-argument constructor). One instance
 * lives as long as the gateway.
 *
 * <p>The gateway calls {@link #configure} for every configuration it compiles: once at start, and again for each
 * configuration swapped in later (a reload), beside the configuration being served. A module builds what one
 * configuration needs there and registers it in the context, which releases it with that configuration. It must not
 * change what the running configuration uses: what has to survive a swap (counters, buckets, caches) lives in the
 * module's own long-lived services, which {@code configure} hands on, and which {@link #close} releases.
 */
public interface GatewayModule extends AutoCloseable {

  /** A short unique name for logs. */
  String name();

  /**
   * Configures this module for {@code context.config()}; may be called while another configuration is served and
   * never concurrently with itself.
   *
   * @throws ProblemsException when the module's part of the configuration is invalid: at start the gateway does
   *     not start, on a reload the running configuration stays
   */
  void configure(ModuleContext context) throws ProblemsException;

  /** Releases the module's long-lived state (threads, clients, stores) when the gateway stops. */
  @Override
  default void close() {}
}
