package dev.restgate.internal.lambdaproxy;

import dev.restgate.internal.context.TraceIds;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.LambdaEvents;
import java.util.concurrent.ThreadLocalRandom;

/** The gateway's {@link LambdaEvents}, written as {@link ProxyEventWriter} writes the proxy event. */
public final class ProxyEvents implements LambdaEvents {

  @Override
  public byte[] requestAuthorizerEvent(Exchange exchange, String methodArn) {
    String traceId = TraceIds.newTraceId(exchange.requestTime(), ThreadLocalRandom.current());
    return ProxyEventWriter.writeRequestAuthorizerEvent(exchange, methodArn, traceId);
  }
}
