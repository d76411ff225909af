package dev.restgate.bench;

import dev.restgate.mapping.template.TemplateException;
import dev.restgate.mapping.template.VtlTemplate;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering a typical pair of mapping templates, compiled once: a request template that reshapes a JSON body with
 * {@code $input.json}, {@code $input.params} and {@code $context}, and a response template that walks a list with
 * {@code #foreach} over {@code $input.path}. Each render gets a fresh exchange, as a request does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TemplateBenchmark {
  private static final Instant REQUEST_TIME = Instant.parse("2025-01-01T00:00:00Z");
  private static final String REQUEST_TEMPLATE = """
      #set($body = $input.path('$'))
      {
        "userId": "$input.params('id')",
        "requestId": "$context.requestId",
        "stage": "$context.stage",
        "sourceIp": "$context.identity.sourceIp",
        "order": "$body.orderId",
        "status": "$body.status",
        "note": "$util.escapeJavaScript($body.note)",
        "items": $input.json('$.items')
      }
      """;
  private static final String RESPONSE_TEMPLATE = """
      #set($items = $input.path('$.items'))
      {
        "count": $items.size(),
        "items": [
      #foreach($item in $items)
          {"id": "$item.id", "label": "$util.escapeJavaScript($item.label)"}#if($foreach.hasNext),#end
      #end
        ]
      }
      """;

  /** The compiled templates and the payloads they map. */
  @State(Scope.Benchmark)
  public static class Templates {
    VtlTemplate request;
    VtlTemplate response;
    String requestBody;
    String responseBody;
    RouteMatch match;

    @Setup
    public void compile() throws Exception {
      request = VtlTemplate.compile(REQUEST_TEMPLATE);
      response = VtlTemplate.compile(RESPONSE_TEMPLATE);
      requestBody = new String(BenchRequests.JSON_BODY, StandardCharsets.UTF_8);
      StringBuilder items = new StringBuilder("{\"items\":[");
      for (int i = 0; i < 20; i++) {
        items.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"label\":\"item '").append(i)
            .append("'\"}");
      }
      responseBody = items.append("]}").toString();
      var config = BenchApis.config(BenchApis.api(10, Map.of()), Map.of("backend", "http://127.0.0.1"));
      match = BenchApis.routeTable(config)
          .resolve(BenchRequests.request("PUT", "/users/42", null, BenchRequests.JSON_BODY)).match();
      String rendered = request.render(exchange(this), requestBody);
      if (!rendered.contains("\"userId\": \"42\"")) {
        throw new IllegalStateException("the request template does not render as expected:\n" + rendered);
      }
    }
  }

  private static Exchange exchange(Templates templates) {
    Exchange exchange = new Exchange(BenchRequests.request("PUT", "/users/42", null, BenchRequests.JSON_BODY),
        "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "LiaEkHIfoAMFnMQ=", REQUEST_TIME);
    exchange.route(templates.match);
    return exchange;
  }

  @Benchmark
  public String requestTemplate(Templates templates) throws TemplateException {
    return templates.request.render(exchange(templates), templates.requestBody);
  }

  @Benchmark
  public String responseTemplate(Templates templates) throws TemplateException {
    return templates.response.render(exchange(templates), templates.responseBody);
  }
}
