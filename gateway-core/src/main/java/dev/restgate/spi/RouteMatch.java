package dev.restgate.spi;

import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import java.util.Map;

/**
 * Where routing sent a request.
 *
 * @param accountId the AWS account the gateway presents itself as ({@code $context.accountId})
 * @param deploymentId the deployment serving the request (the canary's for canary requests)
 * @param resource the matched resource; null when no resource matched
 * @param method the matched method; null when no method matched
 * @param pathParameters raw (not percent-decoded) values by name; empty when the resource has none
 * @param stageVariables the stage variables, canary overrides merged in for canary requests
 * @param canary whether the canary deployment serves the request; null when the stage has no canary
 * @param requestPath the raw request path below the stage (and any base path) that was matched against the
 *     resources, starting with {@code /}: what method ARNs name
 * @param path {@code event.path}: as AWS reports it (below the stage for invoke URLs), raw, trailing slash kept
 * @param contextPath {@code requestContext.path}: the path as the client sent it below the host
 * @param domainName {@code requestContext.domainName}: the {@code Host} the client called, without port
 * @param domainPrefix the first label of {@code domainName}
 */
public record RouteMatch(
    String accountId,
    RestApi api,
    Stage stage,
    String deploymentId,
    Resource resource,
    Method method,
    Map<String, String> pathParameters,
    Map<String, String> stageVariables,
    Boolean canary,
    String requestPath,
    String path,
    String contextPath,
    String domainName,
    String domainPrefix) {}
