/**
 * The gateway's view of HTTP: {@link dev.restgate.http.GatewayRequest} (adapted once from the servlet request),
 * {@link dev.restgate.http.GatewayResponse} (written to the client in one place), {@link dev.restgate.http.Headers}
 * and {@link dev.restgate.http.Body}. Nothing here depends on the Servlet API.
 */
package dev.restgate.http;
