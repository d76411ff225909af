package dev.restgate.throttling;

import dev.restgate.spi.GatewayException;
import java.util.function.LongSupplier;

/**
 * Token buckets by name: in this process, or shared by every gateway node in Redis or PostgreSQL. Thread-safe; one
 * bucket operation per call, no lock held across it.
 */
interface Buckets extends AutoCloseable {

  /**
   * Takes one token from bucket {@code key}, creating the bucket in {@code shape} when it does not exist yet.
   *
   * @param usedBefore tokens already taken before the bucket existed (quota used before a restart); read only when
   *     this process creates the bucket and only by buckets that forget on restart
   * @return whether there was a token
   * @throws GatewayException {@code THROTTLED} when the shared store is unreachable and the configuration chose to
   *     fail closed
   */
  boolean tryConsume(String key, Shape shape, LongSupplier usedBefore) throws GatewayException;

  /** Where the buckets live, for logs. */
  String location();

  @Override
  void close();
}
