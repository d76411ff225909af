package dev.restgate.metrics;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.AuthorizerCall;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts one method's requests as AWS's CloudWatch metrics count them, whatever the outcome (gateway errors come
 * back rendered, as EDGE plugins see them): {@code Count}, {@code 4XXError}, {@code 5XXError}, the integration's
 * latency as the core recorded it, the stage cache's hit or miss, and {@code Latency} once the response's body is
 * closed, which ends the request. Beyond AWS's metrics, under the stage's dimensions only: requests a throttle or a
 * quota refused, by usage plan and key ({@code Exchange.refusedBy}, {@code Exchange.apiKey}), and the Lambda
 * authorizer's invocations and cache hits ({@code Exchange.authorizerCall}), whose meters are looked up once per
 * authorizer and kept.
 */
final class MetricsPlugin implements Plugin {
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final MethodMeters meters;
  private final GatewayMeters registry;
  private final Tags stageTags;
  private final Map<AuthorizerCall, Counter> authorizerCounters = new ConcurrentHashMap<>(4);

  /** @param stageTags {@code ApiName} and {@code Stage}, the dimensions of the metrics AWS does not have */
  MetricsPlugin(MethodMeters meters, GatewayMeters registry, Tags stageTags) {
    this.meters = meters;
    this.registry = registry;
    this.stageTags = stageTags;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    long started = System.nanoTime();
    GatewayResponse response;
    try {
      response = next.handle(exchange);
    } catch (Exception | Error e) {
      // Only an EDGE plugin inside this one throws; the gateway renders it, with its type's status or a 500.
      count(exchange, e instanceof GatewayException g ? g.status() : 500);
      meters.latency().record((System.nanoTime() - started) / NANOS_PER_MILLI);
      throw e;
    }
    count(exchange, response.status());
    return new GatewayResponse(response.status(), response.headers(),
        Body.observed(response.body(), null,
            () -> meters.latency().record((System.nanoTime() - started) / NANOS_PER_MILLI)));
  }

  private void count(Exchange exchange, int status) {
    meters.count().increment();
    if (status >= 500) {
      meters.serverErrors().increment();
    } else if (status >= 400) {
      meters.clientErrors().increment();
    }
    long integration = exchange.integrationLatencyNanos();
    if (integration >= 0) {
      meters.integrationLatency().record(integration / NANOS_PER_MILLI);
    }
    Boolean hit = exchange.cacheHit();
    if (hit != null && meters.cacheHits() != null) {
      (hit ? meters.cacheHits() : meters.cacheMisses()).increment();
    }
    AuthorizerCall call = exchange.authorizerCall();
    if (call != null) {
      authorizerCounters.computeIfAbsent(call, c -> c.cached()
          ? registry.authorizerCacheHits(stageTags, c.authorizer())
          : registry.authorizerInvocations(stageTags, c.authorizer())).increment();
    }
    GatewayException error = exchange.error();
    if (error != null) {
      // Refusals are the exception: their meters are looked up per refusal rather than kept.
      if (error.type() == GatewayResponseType.THROTTLED) {
        registry.throttled(stageTags, exchange.apiKey(), exchange.refusedBy()).increment();
      } else if (error.type() == GatewayResponseType.QUOTA_EXCEEDED) {
        registry.quotaExceeded(stageTags, exchange.apiKey()).increment();
      }
    }
  }
}
