package dev.restgate.spi;

/**
 * The API stage a request is for, with the paths AWS reports for it: what routing, or a {@link RouteResolver},
 * makes of a request's host and path.
 *
 * @param apiId the REST API id
 * @param stage the stage name
 * @param requestPath the raw path below the stage (and any base path) to match against the API's resources,
 *     starting with {@code /}
 * @param eventPath {@code event.path} of a Lambda proxy event: below the stage for invoke URLs; base path included
 *     for custom domains
 * @param contextPath {@code requestContext.path}: the path as the client sent it below the host
 * @param domainName {@code requestContext.domainName}: the host the client called, without port
 * @param domainPrefix the first label of {@code domainName}
 */
public record InvokeTarget(String apiId, String stage, String requestPath, String eventPath, String contextPath,
    String domainName, String domainPrefix) {

  /**
   * A target reached through a custom domain name: the event and context paths are the path as the client sent it.
   *
   * @param clientPath the raw path below the host
   */
  public static InvokeTarget onDomain(String apiId, String stage, String requestPath, String clientPath,
      String domainName) {
    return new InvokeTarget(apiId, stage, requestPath, clientPath, clientPath, domainName,
        domainPrefix(domainName));
  }

  /** AWS's {@code domainPrefix}: the first label of {@code domainName}. */
  public static String domainPrefix(String domainName) {
    int dot = domainName.indexOf('.');
    return dot < 0 ? domainName : domainName.substring(0, dot);
  }
}
