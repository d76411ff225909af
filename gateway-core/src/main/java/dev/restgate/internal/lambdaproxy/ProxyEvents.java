package dev.restgate.internal.lambdaproxy;

import dev.restgate.internal.context.TraceIds;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.LambdaEvents;

/** The gateway's {@link LambdaEvents}, written as {@link ProxyEventWriter} writes the proxy event. */
public final class ProxyEvents implements LambdaEvents {

  @Override
  public byte[] requestAuthorizerEvent(Exchange exchange, String methodArn) {
    String traceId = TraceIds.of(exchange);
    return ProxyEventWriter.writeRequestAuthorizerEvent(exchange, methodArn, traceId);
  }
}
