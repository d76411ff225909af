package dev.restgate.plugins;

import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.EndpointResponse;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.OutboundHttp;
import java.time.Duration;
import java.util.Set;

/**
 * A test integration of type {@code TEST_ENDPOINT}, shaped as a non-proxy integration would be: it sends the endpoint
 * request the MAPPING phase built with the gateway's {@link OutboundHttp}, and hands the raw endpoint response back
 * through the exchange.
 */
public final class EndpointIntegrationFactory implements IntegrationFactory {
  @Override
  public Set<String> types() {
    return Set.of("TEST_ENDPOINT");
  }

  @Override
  public Handler create(MethodSite site) {
    OutboundHttp http = site.service(OutboundHttp.class).orElseThrow();
    Duration timeout = Duration.ofMillis(site.method().methodIntegration().effectiveTimeoutMillis());
    return exchange -> {
      if (exchange.endpointRequest() == null) {
        throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
      }
      EndpointResponse response = http.send(exchange.endpointRequest(), timeout, true);
      exchange.endpointResponse(response);
      return new GatewayResponse(response.status(), response.headers(), response.body());
    };
  }
}
