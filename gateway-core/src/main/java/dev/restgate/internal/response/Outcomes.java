package dev.restgate.internal.response;

import dev.restgate.http.GatewayResponse;
import dev.restgate.http.PayloadTooLargeException;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns whatever a method's chain threw into the response AWS would send: the one place failures are rendered. */
public final class Outcomes {
  private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

  private Outcomes() {}

  /**
   * The response for {@code failure}: a {@link GatewayException} with the API's customisation, an oversized body
   * as the (not customisable) 413, anything else logged with its stack trace and answered as a 500.
   */
  public static GatewayResponse render(Throwable failure, Exchange exchange, GatewayResponses responses) {
    if (failure instanceof GatewayException e) {
      return responses.render(e, exchange);
    }
    if (failure instanceof PayloadTooLargeException) {
      return GatewayResponses.DEFAULTS.render(new GatewayException(GatewayResponseType.REQUEST_TOO_LARGE), exchange);
    }
    LOG.error("Execution failed for {} {}", exchange.request().method(), exchange.request().rawPath(), failure);
    return responses.render(new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR), exchange);
  }
}
