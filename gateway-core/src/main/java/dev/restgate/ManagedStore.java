package dev.restgate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restgate.spi.ManagedConfiguration.Snapshot;
import dev.restgate.spi.ProblemsException;
import java.util.Optional;

/**
 * Where the objects created at run time are kept: a file in the data directory, or a row in PostgreSQL that every
 * node of a cluster shares. Writes are compare-and-set on the revision a change was made from.
 */
interface ManagedStore extends AutoCloseable {

  /**
   * The objects as stored now.
   *
   * @throws ProblemsException when the stored objects cannot be read
   */
  Snapshot read() throws ProblemsException;

  /**
   * Stores {@code next} in place of the objects at revision {@code base}.
   *
   * @return the new revision
   * @throws java.util.ConcurrentModificationException when the stored revision is no longer {@code base}
   * @throws java.io.UncheckedIOException when the store cannot be written; nothing changed then
   */
  String write(String base, ObjectNode next);

  /**
   * The stored revision, for watching a store that other nodes change; null when the store is a file, which the
   * live reloader watches as a file.
   */
  String revision();

  /** Why the store does not answer now, or empty when it does (for the readiness probe). */
  Optional<String> problem();

  /** Where the objects are kept, for messages. */
  String location();

  @Override
  void close();
}
