package dev.restgate.spi;

/**
 * How a Lambda authorizer decided a request, for metrics and logs: by invoking its function or from its result cache
 * ({@code authorizerResultTtlInSeconds}). Set by the AUTHORIZE phase whatever the decision (an allow, a deny, a
 * failed function); absent when no Lambda authorizer ran or it refused before deciding (a missing identity source).
 * Immutable; authorizers hold one instance of each kind, so setting it allocates nothing.
 *
 * @param authorizer the authorizer's name
 * @param cached true when the result came from the cache, false when the function was invoked
 */
public record AuthorizerCall(String authorizer, boolean cached) {}
