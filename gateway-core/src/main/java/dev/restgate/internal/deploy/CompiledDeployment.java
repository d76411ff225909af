package dev.restgate.internal.deploy;

import dev.restgate.spi.Handler;
import dev.restgate.internal.response.GatewayResponses;
import dev.restgate.internal.routing.PathTrie;
import dev.restgate.model.RestApi;
import java.util.Map;

/**
 * A deployment compiled for one stage: route trie, linked chains and gateway responses. Immutable and shared by all
 * requests.
 *
 * @param stageVariables the variables requests see (canary overrides merged in for a canary variant)
 * @param unrouted answers requests no method serves ({@code MISSING_AUTHENTICATION_TOKEN}) through the stage's EDGE
 *     plugins
 */
public record CompiledDeployment(String accountId, String deploymentId, RestApi api, PathTrie<CompiledResource> routes,
    GatewayResponses responses, Map<String, String> stageVariables, Handler unrouted) {}
