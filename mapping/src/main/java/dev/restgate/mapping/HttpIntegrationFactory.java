package dev.restgate.mapping;

import dev.restgate.http.HttpMethods;
import dev.restgate.model.Integration;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.OutboundHttp;
import dev.restgate.spi.PlaceholderTemplate;
import dev.restgate.spi.RequestParameterMappings;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** {@code HTTP}: the non-proxy HTTP integration, on the gateway's shared outbound client. */
public final class HttpIntegrationFactory implements IntegrationFactory {
  static final String TYPE = "HTTP";

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  public Handler create(MethodSite site) {
    Integration integration = site.method().methodIntegration();
    if (integration.uri() == null || integration.uri().isBlank()) {
      throw new IllegalArgumentException("Invalid HTTP endpoint specified for URI: an HTTP integration needs a uri");
    }
    String method = integration.httpMethod() == null ? null : integration.httpMethod().toUpperCase(Locale.ROOT);
    if (method == null || !HttpMethods.METHODS.contains(method)) {
      throw new IllegalArgumentException("Enumeration value for HttpMethod must be non-empty and one of "
          + HttpMethods.METHODS + ": " + integration.httpMethod());
    }
    OutboundHttp http = site.service(OutboundHttp.class)
        .orElseThrow(() -> new IllegalStateException("the gateway's outbound HTTP client is not registered"));
    boolean verifyTls = integration.tlsConfig() == null
        || !Boolean.TRUE.equals(integration.tlsConfig().insecureSkipVerification());
    RequestParameterMappings mappings = RequestParameterMappings.parse(integration.requestParameters());
    return new HttpIntegration(http, method, PlaceholderTemplate.uri(integration.uri(), mappings.path()), mappings,
        Duration.ofMillis(integration.effectiveTimeoutMillis()), verifyTls);
  }
}
