package dev.restgate.authorizers;

import dev.restgate.http.GatewayResponse;
import dev.restgate.http.PayloadTooLargeException;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.MethodArn;
import dev.restgate.spi.Plugin;

/** Checks the caller of one method (see {@link AccessPluginFactory}); only callers it admits reach {@code next}. */
final class AccessPlugin implements Plugin {
  private final MethodArn arns;
  private final CallerCheck check;

  AccessPlugin(MethodArn arns, CallerCheck check) {
    this.arns = arns;
    this.check = check;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    try {
      check.check(exchange, arns.of(exchange));
    } catch (PayloadTooLargeException e) {
      throw new GatewayException(GatewayResponseType.REQUEST_TOO_LARGE);
    }
    return next.handle(exchange);
  }
}
