package dev.restgate.tracing;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * Traces one method's requests: a {@code SERVER} span from the request's arrival at its method to the close of its
 * response body (the last byte of a streamed one), child of the caller's {@code traceparent} when it sent one, and
 * under it {@code CLIENT} spans for what the exchange reports afterwards: the Lambda authorizer's call (AWS reports
 * its duration only: it is placed at the start of the request) and the integration's (exactly as the chain timed
 * it). The server span's context goes to the integration as {@link Exchange#traceparent()} before {@code next}.
 *
 * <p>All spans are on one timeline: the server span's epoch start plus {@link System#nanoTime()} differences, so
 * children never stick out of their parent. Nothing here waits on the exporter: ended spans are queued.
 */
final class TracingPlugin implements Plugin {
  private final GatewayTracer gateway;
  private final Tracer tracer;
  private final MethodSpans spans;

  TracingPlugin(GatewayTracer gateway, MethodSpans spans) {
    this.gateway = gateway;
    this.tracer = gateway.tracer();
    this.spans = spans;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    long startNanos = System.nanoTime();
    long startEpochNanos = gateway.epochNanos();
    GatewayRequest request = exchange.request();
    String name = spans.serverName() != null ? spans.serverName()
        : request.method() + " " + exchange.route().resource().path();
    SpanBuilder builder = tracer.spanBuilder(name)
        .setParent(gateway.parentOf(request.headers()))
        .setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
        .setAllAttributes(spans.server())
        .setAttribute(MethodSpans.HTTP_REQUEST_METHOD, request.method())
        .setAttribute(MethodSpans.URL_PATH, request.rawPath())
        .setAttribute(MethodSpans.URL_SCHEME, request.scheme())
        .setAttribute(MethodSpans.CLIENT_ADDRESS, request.sourceIp())
        .setAttribute(MethodSpans.REQUEST_ID, exchange.requestId())
        .setAttribute(MethodSpans.EXTENDED_REQUEST_ID, exchange.extendedRequestId());
    String userAgent = request.headers().first("User-Agent");
    if (userAgent != null) {
      builder.setAttribute(MethodSpans.USER_AGENT, userAgent);
    }
    Span span = builder.startSpan();
    SpanContext context = span.getSpanContext();
    exchange.traceparent("00-" + context.getTraceId() + '-' + context.getSpanId() + '-'
        + context.getTraceFlags().asHex());
    Timeline timeline = new Timeline(span, startEpochNanos, startNanos);
    GatewayResponse response;
    try {
      response = next.handle(exchange);
    } catch (Exception | Error e) {
      // Only an EDGE plugin inside this one throws; the gateway renders it, with its type's status or a 500.
      int status = e instanceof GatewayException g ? g.status() : 500;
      finish(exchange, timeline, status);
      span.recordException(e);
      timeline.end();
      throw e;
    }
    finish(exchange, timeline, response.status());
    return new GatewayResponse(response.status(), response.headers(), new TracedBody(response.body(), timeline));
  }

  /** Records the status and, for a sampled request, the spans of what the exchange says happened inside. */
  private void finish(Exchange exchange, Timeline timeline, int status) {
    Span span = timeline.span();
    if (!span.isRecording()) {
      return;
    }
    span.setAttribute(MethodSpans.HTTP_RESPONSE_STATUS_CODE, status);
    if (status >= 500) {
      span.setAttribute(MethodSpans.ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
    Context parent = Context.root().with(span);
    authorizer(exchange, timeline, parent);
    integration(exchange, timeline, parent);
  }

  private void authorizer(Exchange exchange, Timeline timeline, Context parent) {
    AuthorizerContext authorizer = exchange.authorizer();
    if (spans.authorizerName() == null || authorizer == null || authorizer.integrationLatency() == null) {
      return; // no Lambda authorizer, or its answer came from the cache: nothing was called
    }
    long start = timeline.startEpochNanos();
    tracer.spanBuilder(spans.authorizerName())
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(start, TimeUnit.NANOSECONDS)
        .setAllAttributes(spans.authorizer())
        .startSpan()
        .end(start + TimeUnit.MILLISECONDS.toNanos(authorizer.integrationLatency()), TimeUnit.NANOSECONDS);
  }

  private void integration(Exchange exchange, Timeline timeline, Context parent) {
    long latency = exchange.integrationLatencyNanos();
    if (latency < 0) {
      return; // a cache hit, a refusal: no integration was called
    }
    long start = timeline.epochNanosAt(exchange.integrationStartedNanos());
    Span span = tracer.spanBuilder(spans.integrationName())
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(start, TimeUnit.NANOSECONDS)
        .setAllAttributes(spans.integration())
        .startSpan();
    int status = exchange.integrationStatus();
    if (status > 0) {
      span.setAttribute(MethodSpans.HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 400) {
        span.setAttribute(MethodSpans.ERROR_TYPE, Integer.toString(status));
        span.setStatus(StatusCode.ERROR);
      }
    } else {
      // Failed without an answer: a timeout, a network error, a function's malformed answer.
      String type = exchange.error() != null ? exchange.error().type().name() : "INTEGRATION_FAILURE";
      span.setAttribute(MethodSpans.ERROR_TYPE, type);
      span.setStatus(StatusCode.ERROR, type);
    }
    span.end(start + latency, TimeUnit.NANOSECONDS);
  }

  /** The server span with the two readings of when it started, to place later moments on the same timeline. */
  record Timeline(Span span, long startEpochNanos, long startNanos) {

    long epochNanosAt(long nanoTime) {
      return startEpochNanos + (nanoTime - startNanos);
    }

    void end() {
      span.end(epochNanosAt(System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }
}
