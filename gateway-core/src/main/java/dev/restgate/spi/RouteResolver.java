package dev.restgate.spi;

import dev.restgate.http.GatewayRequest;

/**
 * Decides which API stage a request is for before the invoke-URL forms are tried: the seam for custom domain names
 * with base path mappings and routing rules. A {@link GatewayModule} registers resolvers for each configuration
 * ({@link ModuleContext#registerRouteResolver}); they are consulted in registration order, and the first that
 * answers decides. Thread-safe; called for every request, so it must be cheap (no I/O, no parsing of configuration).
 */
public interface RouteResolver {

  /**
   * The answer for a request this resolver owns (say, its host is a configured custom domain) but that names no API
   * stage: the client gets AWS's 403 {@code Missing Authentication Token}.
   */
  InvokeTarget UNMAPPED = new InvokeTarget("", "", "/", "/", "/", "", "");

  /**
   * Where {@code request} goes.
   *
   * @return the target; {@link #UNMAPPED}; or null when the request is not this resolver's business (the next
   *     resolver, then the invoke-URL forms, are tried)
   */
  InvokeTarget resolve(GatewayRequest request);
}
