package dev.restgate.authorizers;

import dev.restgate.authorizers.jwt.JwksCache;
import dev.restgate.authorizers.jwt.JwtVerifier;
import java.time.Clock;

/**
 * What the access plugins of one configuration check callers with: its identities and user pools, and the
 * module's long-lived caches. A service the module registers for each configuration.
 */
record AccessControl(Identities identities, CognitoConfig cognito, JwksCache keys, JwtVerifier tokens,
    AuthorizerResults authorizerResults, Clock clock) {}
