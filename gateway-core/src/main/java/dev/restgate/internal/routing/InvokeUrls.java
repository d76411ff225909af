package dev.restgate.internal.routing;

import dev.restgate.http.GatewayRequest;
import dev.restgate.spi.InvokeTarget;

/**
 * The API, stage and path an invoke URL names, in either form the gateway serves:
 * {@code Host: {apiId}.execute-api.{anything}} with {@code /{stage}/{path}}, or
 * {@code /restapis/{apiId}/{stage}/_user_request_/{path}} on any host. The path below the stage is raw, leading
 * slashes collapsed to one, trailing slash kept; it is both what is matched and {@code event.path}, while
 * {@code requestContext.path} is {@code /{stage}} followed by the path as sent.
 */
final class InvokeUrls {

  private static final String USER_REQUEST_PREFIX = "/restapis/";
  private static final String USER_REQUEST_MARKER = "/_user_request_";
  private static final String EXECUTE_API = ".execute-api.";

  private InvokeUrls() {}

  /** The target of {@code request}, or null when its URL is not an invoke URL. */
  static InvokeTarget parse(GatewayRequest request) {
    String rawPath = request.rawPath();
    String host = request.hostName();
    if (rawPath.startsWith(USER_REQUEST_PREFIX)) {
      InvokeTarget target = userRequest(rawPath, host);
      if (target != null) {
        return target;
      }
    }
    if (host == null) {
      return null;
    }
    int marker = host.indexOf(EXECUTE_API);
    if (marker <= 0) {
      return null;
    }
    String apiId = host.substring(0, marker);
    int start = 0;
    while (start < rawPath.length() && rawPath.charAt(start) == '/') {
      start++;
    }
    if (start == rawPath.length()) {
      return target(apiId, "", "/", "/", host, apiId);
    }
    int slash = rawPath.indexOf('/', start);
    String stage = slash < 0 ? rawPath.substring(start) : rawPath.substring(start, slash);
    String rest = slash < 0 ? "" : rawPath.substring(slash);
    return target(apiId, stage, eventPath(rest), "/" + stage + rest, host, apiId);
  }

  private static InvokeTarget userRequest(String rawPath, String host) {
    int apiEnd = rawPath.indexOf('/', USER_REQUEST_PREFIX.length());
    if (apiEnd < 0) {
      return null;
    }
    int stageEnd = rawPath.indexOf('/', apiEnd + 1);
    if (stageEnd < 0 || !rawPath.startsWith(USER_REQUEST_MARKER, stageEnd)) {
      return null;
    }
    int restStart = stageEnd + USER_REQUEST_MARKER.length();
    if (restStart < rawPath.length() && rawPath.charAt(restStart) != '/') {
      return null;
    }
    String apiId = rawPath.substring(USER_REQUEST_PREFIX.length(), apiEnd);
    String stage = rawPath.substring(apiEnd + 1, stageEnd);
    String rest = rawPath.substring(restStart);
    String domain = host == null ? "localhost" : host;
    return target(apiId, stage, eventPath(rest), "/" + stage + rest, domain, InvokeTarget.domainPrefix(domain));
  }

  private static InvokeTarget target(String apiId, String stage, String path, String contextPath, String domain,
      String prefix) {
    return new InvokeTarget(apiId, stage, path, path, contextPath, domain, prefix);
  }

  private static String eventPath(String rest) {
    int start = 0;
    while (start + 1 < rest.length() && rest.charAt(start) == '/' && rest.charAt(start + 1) == '/') {
      start++;
    }
    String path = rest.substring(start);
    return path.isEmpty() ? "/" : path;
  }
}
