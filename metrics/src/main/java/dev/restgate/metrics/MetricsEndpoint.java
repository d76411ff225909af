package dev.restgate.metrics;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.ServiceCall;
import dev.restgate.spi.ServiceEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /_metrics}: the registry in Prometheus's text format, to callers presenting the bearer token; others get
 * {@code 401} with {@code WWW-Authenticate: Bearer}. An invoke URL still wins over it (the gateway consults service
 * endpoints only for requests no stage serves).
 */
final class MetricsEndpoint implements ServiceEndpoint {
  static final String PATH = "/_metrics";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final BearerToken token;
  private final int port;

  MetricsEndpoint(PrometheusMeterRegistry registry, MetricsConfig config) {
    this.registry = registry;
    this.token = new BearerToken(config.bearerToken());
    this.port = config.port();
  }

  @Override
  public boolean matches(GatewayRequest request) {
    return PATH.equals(request.rawPath()) && (port == 0 || request.localPort() == port)
        && ("GET".equals(request.method()) || "HEAD".equals(request.method()));
  }

  @Override
  public GatewayResponse handle(ServiceCall call) {
    if (!token.admits(call.request().headers().first("Authorization"))) {
      GatewayResponse refused = GatewayResponse.json(401, "{\"message\":\"Unauthorized\"}");
      refused.headers().set("WWW-Authenticate", "Bearer");
      refused.headers().set("Cache-Control", "no-store");
      return refused;
    }
    Headers headers = new Headers(2);
    headers.set("Content-Type", CONTENT_TYPE);
    headers.set("Cache-Control", "no-store");
    return new GatewayResponse(200, headers, Body.of(registry.scrape()));
  }
}
