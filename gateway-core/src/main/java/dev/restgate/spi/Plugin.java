package dev.restgate.spi;

import dev.restgate.http.GatewayResponse;

/**
 * One step of a method's request path, built once per method at deploy time by a {@link PluginFactory}.
 *
 * <p>Contract:
 * <ul>
 *   <li>A plugin is shared by every request to its method and must be thread-safe; it holds no per-request state.
 *       Per-request state goes on the {@link Exchange}.
 *   <li>It may answer without calling {@code next} (a cache hit, a 401, a 429), call {@code next} exactly once, or
 *       wrap the call in {@code try/finally}. Calling {@code next} twice is an error the gateway reports as a 500.
 *   <li>It may change the header fields of the response {@code next} returns before returning it. A plugin that
 *       returns another response instead owns the body it got: it closes it, or wraps it in the body it returns.
 *       When a plugin throws after {@code next} returned, the gateway closes the body {@code next} returned.
 *   <li>To answer with an AWS gateway response it throws {@link GatewayException}; the gateway renders it with the
 *       API's customisations. Other exceptions become a 500 and are logged with the request id. Plugins of the
 *       {@link Phase#EDGE} phase never see these exceptions from {@code next}: they get the rendered response, as
 *       the client will.
 *   <li>It runs on the request's thread and may block; it must not hold a lock across I/O.
 * </ul>
 */
@FunctionalInterface
public interface Plugin {
  GatewayResponse handle(Exchange exchange, Handler next) throws Exception;
}
