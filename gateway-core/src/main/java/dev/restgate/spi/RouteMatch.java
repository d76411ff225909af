package dev.restgate.spi;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import java.util.Map;

/**
 * Where routing sent a request.
 *
 * @param deploymentId the deployment serving the request (the canary's for canary requests)
 * @param pathParameters raw (not percent-decoded) values by name; empty when the resource has none
 * @param stageVariables the stage variables, canary overrides merged in for canary requests
 * @param canary whether the canary deployment serves the request; null when the stage has no canary
 * @param path {@code event.path}: the request path without the stage, raw, trailing slash kept
 * @param contextPath {@code requestContext.path}: the path as the client sent it below the host, stage included
 * @param domainName {@code requestContext.domainName}: the {@code Host} the client called, without port
 * @param domainPrefix the first label of {@code domainName}
 */
public record RouteMatch(
    RestApi api,
    Stage stage,
    String deploymentId,
    Resource resource,
    Method method,
    Map<String, String> pathParameters,
    Map<String, String> stageVariables,
    Boolean canary,
    String path,
    String contextPath,
    String domainName,
    String domainPrefix) {}
