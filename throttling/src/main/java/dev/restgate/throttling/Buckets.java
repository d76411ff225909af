package dev.restgate.throttling;

import dev.restgate.spi.GatewayException;
import java.util.function.LongSupplier;

/**
 * Token buckets by name: in this process, or shared by every gateway node in Redis or PostgreSQL. Thread-safe; one
 * bucket operation per call, no lock held across it.
 */
interface Buckets extends AutoCloseable {

  /** For a bucket that starts full, as a throttle does. */
  LongSupplier FULL = () -> Long.MAX_VALUE;

  /**
   * Takes one token from bucket {@code key}, creating the bucket in {@code shape} when it does not exist yet.
   *
   * @param tokensBefore the tokens the bucket holds when this process creates it (a quota's: what the usage records
   *     say it has left, as they outlive a restart), at most the shape's capacity; read only when this process
   *     creates the bucket and only by buckets that forget on restart
   * @return whether there was a token
   * @throws GatewayException {@code THROTTLED} when the shared store is unreachable and the configuration chose to
   *     fail closed
   */
  boolean tryConsume(String key, Shape shape, LongSupplier tokensBefore) throws GatewayException;

  /**
   * The tokens bucket {@code key} holds, creating it as {@link #tryConsume} does; 0 for a shape that admits
   * nothing.
   *
   * @throws IllegalStateException when the shared store does not answer
   */
  long available(String key, Shape shape, LongSupplier tokensBefore);

  /**
   * Makes bucket {@code key} hold exactly {@code tokens} (at most the shape's capacity), creating it in
   * {@code shape} when it does not exist yet; nothing for a shape that admits nothing.
   *
   * @throws IllegalStateException when the shared store does not answer; the bucket is unchanged then
   */
  void fill(String key, Shape shape, long tokens);

  /** Where the buckets live, for logs. */
  String location();

  @Override
  void close();
}
