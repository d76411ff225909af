package dev.restgate.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenTelemetry SDK for one {@link TracingConfig}: a tracer provider whose batch processor exports over OTLP/HTTP
 * on its own thread, so a request only hands its ended spans to a queue. Counted: held by the module while the
 * configuration it reads has this section, and by every configuration compiled with it, it shuts down (flushing
 * what is queued) when the last of them lets go. So a reload with the same section keeps it, and one with another
 * endpoint starts a new one while requests of the old configuration finish on the old one.
 */
final class SpanExport {
  private static final Logger LOG = LoggerFactory.getLogger(SpanExport.class);
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final long SHUTDOWN_SECONDS = 10;

  private final TracingConfig config;
  private final SdkTracerProvider provider;
  private final GatewayTracer tracer;
  private final AtomicInteger holders = new AtomicInteger(1);

  private SpanExport(TracingConfig config, SdkTracerProvider provider) {
    this.config = config;
    this.provider = provider;
    this.tracer = new GatewayTracer(provider);
  }

  /** Builds the SDK for {@code config}, held once (by the caller). */
  static SpanExport start(TracingConfig config) {
    OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(config.endpoint().toString());
    config.headers().forEach(exporter::addHeader);
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, config.serviceName()))))
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
        .build();
    LOG.info("Tracing: spans of stages with tracingEnabled go to {} as service {}", config.endpoint(),
        config.serviceName());
    return new SpanExport(config, provider);
  }

  TracingConfig config() {
    return config;
  }

  GatewayTracer tracer() {
    return tracer;
  }

  /** Holds this export once more; each hold is let go by one {@link #release()}. */
  SpanExport hold() {
    holders.incrementAndGet();
    return this;
  }

  /** Lets go of one hold; the last one flushes the queued spans and stops the exporter. */
  void release() {
    if (holders.decrementAndGet() == 0) {
      provider.shutdown().join(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }
  }
}
