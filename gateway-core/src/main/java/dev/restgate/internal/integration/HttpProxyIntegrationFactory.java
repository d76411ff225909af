package dev.restgate.internal.integration;

import dev.restgate.http.HttpMethods;
import dev.restgate.model.Integration;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.PlaceholderTemplate;
import dev.restgate.spi.RequestParameterMappings;
import java.util.Locale;
import java.util.Set;

/** Builds {@link HttpProxyIntegration}s on the gateway's shared HTTP client. */
public final class HttpProxyIntegrationFactory implements IntegrationFactory {

  @Override
  public Set<String> types() {
    return Set.of("HTTP_PROXY");
  }

  @Override
  public Handler create(MethodSite site) {
    Integration integration = site.method().methodIntegration();
    if (integration.uri() == null || integration.uri().isBlank()) {
      throw new IllegalArgumentException(
          "Invalid HTTP endpoint specified for URI: an HTTP_PROXY integration needs a uri");
    }
    String method = integration.httpMethod() == null ? null : integration.httpMethod().toUpperCase(Locale.ROOT);
    if (method == null || !HttpMethods.METHODS.contains(method)) {
      throw new IllegalArgumentException("Enumeration value for HttpMethod must be non-empty and one of "
          + HttpMethods.METHODS + ": " + integration.httpMethod());
    }
    int timeout = integration.effectiveTimeoutMillis();
    HttpClients clients = site.service(HttpClients.class)
        .orElseThrow(() -> new IllegalStateException("the gateway's HTTP client is not registered"));
    boolean verifyTls = integration.tlsConfig() == null
        || !Boolean.TRUE.equals(integration.tlsConfig().insecureSkipVerification());
    RequestParameterMappings mappings = RequestParameterMappings.parse(integration.requestParameters());
    return new HttpProxyIntegration(clients.client(verifyTls), method,
        PlaceholderTemplate.uri(integration.uri(), mappings.path()), mappings, timeout, integration.streams());
  }
}
