package dev.restgate.spi;

/**
 * The state of the connection pools of the gateway's outbound HTTP client ({@link OutboundHttp}), for metrics: a
 * service the gateway registers beside it ({@code context.service(OutboundHttpStats.class)}). It lives as long as the
 * gateway. Thread-safe; reading it walks the pools without locking, so the numbers of one snapshot are each current
 * but not taken at one instant.
 */
public interface OutboundHttpStats {

  /** The connections of every destination (scheme, host and port) the client has called, added up. */
  Connections connections();

  /**
   * Connections added up over destinations.
   *
   * @param active connections carrying an exchange now
   * @param idle open connections waiting in a pool for the next exchange
   * @param pending connections being opened
   * @param max the most connections the pools may hold: the per-destination limit times {@code destinations}
   * @param queuedRequests requests waiting for a connection
   * @param destinations the destinations the client keeps a pool for
   */
  record Connections(int active, int idle, int pending, int max, int queuedRequests, int destinations) {}
}
