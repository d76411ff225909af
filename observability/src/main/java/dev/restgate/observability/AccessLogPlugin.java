package dev.restgate.observability;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import java.util.concurrent.TimeUnit;

/**
 * Writes one access log line per request once its response has been sent (so the line has the bytes sent and the
 * whole latency), whatever the outcome: an answer of the integration, a cache hit, or a gateway error of any later
 * phase, as the client got it. Runs in the {@code EDGE} phase.
 */
final class AccessLogPlugin implements Plugin {
  private final AccessLogFormat format;
  private final LogDestination destination;
  private final LogDestination canaryDestination;
  private final AccessLogWriter writer;

  AccessLogPlugin(AccessLogFormat format, LogDestination destination, LogDestination canaryDestination,
      AccessLogWriter writer) {
    this.format = format;
    this.destination = destination;
    this.canaryDestination = canaryDestination;
    this.writer = writer;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    long started = System.nanoTime();
    GatewayResponse response = next.handle(exchange);
    LogDestination target = Boolean.TRUE.equals(exchange.route().canary()) ? canaryDestination : destination;
    int status = response.status();
    long[] sent = new long[1];
    Runnable log = () -> writer.write(target, format.render(exchange, new AccessLogFormat.Outcome(status, sent[0],
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))));
    return new GatewayResponse(status, response.headers(),
        Body.observed(response.body(), (bytes, offset, length) -> sent[0] += length, log));
  }
}
