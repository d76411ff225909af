package dev.restgate.tracing;

import dev.restgate.http.Headers;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the tracing plugins of one configuration share: the SDK's tracer, W3C trace context extraction and the
 * clock spans are timed with. A service of the configurations compiled while the {@code tracing} section is set.
 * Thread-safe.
 */
final class GatewayTracer {
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers carrier) {
      return List.of("traceparent", "tracestate");
    }

    @Override
    public String get(Headers carrier, String key) {
      return carrier == null ? null : carrier.first(key);
    }
  };

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private final Clock clock = Clock.getDefault();

  GatewayTracer(SdkTracerProvider provider) {
    this.provider = provider;
    this.tracer = provider.get("dev.restgate.tracing");
  }

  Tracer tracer() {
    return tracer;
  }

  /** The caller's trace context from its {@code traceparent} and {@code tracestate}; the root context without. */
  Context parentOf(Headers requestHeaders) {
    return W3C.extract(Context.root(), requestHeaders, HEADERS);
  }

  /** Exports the spans ended so far now, rather than at the batch's next turn (tests wait on it). */
  void flush() {
    provider.forceFlush().join(5, TimeUnit.SECONDS);
  }

  /** Now, in nanoseconds since the epoch. */
  long epochNanos() {
    return clock.now();
  }
}
