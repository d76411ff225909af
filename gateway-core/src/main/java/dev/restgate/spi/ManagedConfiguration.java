package dev.restgate.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.config.GatewayConfig;

/**
 * The objects created at run time through the control plane, beside those the configuration file declares: an
 * object with the file's top-level keys ({@code apiKeys}, {@code restApis}, ...), each a list of entries in the
 * file's own format. The gateway registers it for every configuration when it runs from a file
 * ({@link ModuleContext#registerService}). Changes are optimistic: a change is made to a {@link Snapshot} and
 * refused when the objects changed since it was read, by another thread or another gateway node sharing the store.
 * Thread-safe.
 */
public interface ManagedConfiguration {

  /**
   * The objects created at run time as they are now, as a copy the caller may change.
   *
   * @throws java.io.UncheckedIOException when they cannot be read (a shared store that does not answer)
   */
  Snapshot read();

  /** The configuration file whose objects are read-only through the control plane. */
  String declaredIn();

  /**
   * Makes {@code changed}'s document the objects created at run time: checks the whole configuration with it,
   * stores it where every node sharing the store sees it and it survives a restart, and swaps the resulting
   * configuration in before returning.
   *
   * @param changed a snapshot {@link #read} earlier, its document changed
   * @return the configuration now served
   * @throws ProblemsException listing every problem of the resulting configuration; nothing changes then
   * @throws java.util.ConcurrentModificationException when the objects changed since {@code changed} was read;
   *     nothing changes then
   * @throws java.io.UncheckedIOException when the store cannot be written; nothing changes then
   */
  GatewayConfig replace(Snapshot changed) throws ProblemsException;

  /**
   * The objects created at run time at one revision.
   *
   * @param revision identifies the stored state the document was read from
   */
  record Snapshot(ObjectNode document, String revision) {}
}
