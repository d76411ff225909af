package dev.restgate.servlet;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.Json;
import dev.restgate.spi.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The container's own errors (a request it refused before the gateway saw it, reaching the filter through the
 * {@code ERROR} dispatch) as AWS-style JSON: {@code {"message":"Bad Request"}} with the container's status, instead
 * of the container's HTML page.
 */
final class ContainerErrors {
  private ContainerErrors() {}

  static GatewayResponse render(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 && value <= 599 ? value : 500;
    String reason = HttpStatus.getMessage(status);
    GatewayResponse response = GatewayResponse.json(status, "{\"message\":" + Json.quote(reason) + "}");
    response.headers().add("x-amzn-RequestId", RequestIds.requestId());
    return response;
  }
}
