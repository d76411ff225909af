package dev.restgate.spi;

import dev.restgate.http.GatewayResponse;

/**
 * The rest of a method's chain, as seen by a plugin: the plugins of later phases and finally the integration.
 *
 * <p>Thread-safe and shared by all requests. A plugin may call {@link #handle} at most once per exchange.
 */
@FunctionalInterface
public interface Handler {
  /**
   * Runs the rest of the chain.
   *
   * @throws GatewayException to answer with a gateway response (401, 403, 429, 502, ...)
   * @throws Exception anything else becomes a 500 {@code API_CONFIGURATION_ERROR} response and is logged
   */
  GatewayResponse handle(Exchange exchange) throws Exception;
}
