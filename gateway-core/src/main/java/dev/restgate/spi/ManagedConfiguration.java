package dev.restgate.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.GatewayConfig;

/**
 * The objects created at run time through the control plane, beside those the configuration file declares: an
 * object with the file's top-level keys ({@code apiKeys}, {@code usagePlanKeys}, ...), each a list of entries in
 * the file's own format. The gateway registers it for every configuration when it runs from a file
 * ({@link ModuleContext#registerService}). Thread-safe; changes are applied one at a time.
 */
public interface ManagedConfiguration {

  /** The objects created at run time, as a copy the caller may change. */
  ObjectNode document();

  /** The configuration file whose objects are read-only through the control plane. */
  String declaredIn();

  /**
   * Replaces the objects created at run time: checks the whole configuration with {@code next}, stores
   * {@code next} where it survives a restart, and swaps the resulting configuration in before returning.
   *
   * @return the configuration now served
   * @throws ProblemsException listing every problem of the resulting configuration; nothing changes then
   * @throws java.io.UncheckedIOException when {@code next} cannot be stored; nothing changes then
   */
  GatewayConfig replace(ObjectNode next) throws ProblemsException;
}
