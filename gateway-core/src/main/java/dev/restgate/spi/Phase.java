package dev.restgate.spi;

/**
 * Where a plugin runs in a method's chain. Phases run in declaration order; plugins of one phase run in the order
 * of their factories' {@link PluginFactory#name() names}. The integration runs after the last phase.
 */
public enum Phase {
  /**
   * Before anything else; sees every outcome of the method as the response the client gets, gateway errors of the
   * later phases and of the integration included (headers, logging, CORS).
   */
  EDGE,
  /** Authentication and authorization: SigV4/IAM, Lambda authorizers, Cognito. */
  AUTHORIZE,
  /** API key checks against usage plans. */
  API_KEY,
  /** Throttles and quotas. */
  THROTTLE,
  /** Request validation (parameters, body models). */
  VALIDATE,
  /** Response caching. */
  CACHE,
  /** Request and response mapping around non-proxy integrations. */
  MAPPING
}
