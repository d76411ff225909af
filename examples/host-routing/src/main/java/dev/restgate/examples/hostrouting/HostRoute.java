package dev.restgate.examples.hostrouting;

/**
 * One entry of {@code hostRoutes}: requests for {@code host} (and, when set, below {@code basePath}) go to stage
 * {@code stage} of API {@code restApiId}.
 *
 * @param host a host name, matched case-insensitively, port ignored
 * @param basePath the first path segments the requests must start with, without slashes at either end; null for
 *     every path of the host
 */
public record HostRoute(String host, String basePath, String restApiId, String stage) {}
