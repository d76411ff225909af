package dev.restgate.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP receiver on a random loopback port, as a collector would be: it decodes each
 * {@code ExportTraceServiceRequest} posted to {@code /v1/traces} and keeps its spans with their resource, and the
 * headers of the exports.
 */
final class OtlpReceiver implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final List<Received> spans = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  /** One span as it arrived, ids in hex. */
  record Received(Span span, Resource resource) {
    String traceId() {
      return HEX.formatHex(span.getTraceId().toByteArray());
    }

    String spanId() {
      return HEX.formatHex(span.getSpanId().toByteArray());
    }

    String parentSpanId() {
      return HEX.formatHex(span.getParentSpanId().toByteArray());
    }

    String name() {
      return span.getName();
    }

    /** A string, integer or boolean attribute's value as text, or null. */
    String attribute(String key) {
      return value(span.getAttributesList(), key);
    }

    String resourceAttribute(String key) {
      return value(resource.getAttributesList(), key);
    }

    private static String value(List<KeyValue> attributes, String key) {
      for (KeyValue attribute : attributes) {
        if (attribute.getKey().equals(key)) {
          AnyValue value = attribute.getValue();
          return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.toString();
          };
        }
      }
      return null;
    }
  }

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", this::receive);
    server.start();
  }

  private void receive(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody());
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new Received(span, resourceSpans.getResource()));
        }
      }
    }
    byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  /** The base URL a {@code tracing} section names. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> spans() {
    return new ArrayList<>(spans);
  }

  List<String> authorizations() {
    return new ArrayList<>(authorizations);
  }

  /**
   * The spans received once {@code ready} holds for them, asking {@code flush} to export between looks, for up to
   * ten seconds.
   */
  List<Received> await(Runnable flush, Predicate<List<Received>> ready) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      flush.run();
      List<Received> now = spans();
      if (ready.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the receiver did not get the expected spans within ten seconds; it has " + now);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
