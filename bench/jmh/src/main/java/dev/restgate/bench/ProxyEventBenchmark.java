package dev.restgate.bench;

import dev.restgate.http.GatewayRequest;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.internal.lambdaproxy.ProxyEventWriter;
import dev.restgate.internal.routing.Resolution;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * The Lambda proxy event of a typical call: {@code PUT /users/42/history/1001} with ten header fields, a query
 * string, two path parameters, three stage variables and a small JSON body. {@code write} serializes an exchange whose
 * query is parsed and body buffered already; {@code writeFreshRequest} starts from a new request and exchange, as
 * the integration does, so it adds query parsing and body buffering. Run with {@code -prof gc} for bytes per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProxyEventBenchmark {
  private static final String PATH = "/users/42/history/1001";
  private static final String TRACE_ID = "Root=1-6773b000-3c1a8f0e7b2d4c6e9f8a0b1c";
  private static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
  private static final String EXTENDED_REQUEST_ID = "LiaEkHIfoAMFnMQ=";
  private static final Instant REQUEST_TIME = Instant.parse("2025-01-01T00:00:00Z");

  private ProxyEventWriter writer;
  private RouteMatch match;
  private Exchange prepared;

  @Setup
  public void route() throws IOException {
    var api = BenchApis.api(10, Map.of());
    var config = BenchApis.config(api,
        Map.of("backend", "orders.internal.example", "logLevel", "info", "version", "v2"));
    GatewayRequest request = BenchRequests.request("PUT", PATH, BenchRequests.QUERY, BenchRequests.JSON_BODY);
    Resolution resolution = BenchApis.routeTable(config).resolve(request);
    if (resolution.outcome() != Resolution.Outcome.MATCHED) {
      throw new IllegalStateException(PATH + " resolved to " + resolution);
    }
    match = resolution.match();
    writer = new ProxyEventWriter(BinaryMediaTypes.of(api.binaryMediaTypes()));
    prepared = exchange(request);
    writer.write(prepared, TRACE_ID);
  }

  private Exchange exchange(GatewayRequest request) {
    Exchange exchange = new Exchange(request, REQUEST_ID, EXTENDED_REQUEST_ID, REQUEST_TIME);
    exchange.route(match);
    return exchange;
  }

  @Benchmark
  public byte[] write() throws IOException {
    return writer.write(prepared, TRACE_ID);
  }

  @Benchmark
  public byte[] writeFreshRequest() throws IOException {
    GatewayRequest request = new GatewayRequest("PUT", "/" + BenchApis.STAGE + PATH, BenchRequests.QUERY,
        prepared.request().headers(), "HTTP/1.1", "https", BenchRequests.SOURCE_IP, 443,
        new ByteArrayInputStream(BenchRequests.JSON_BODY));
    return writer.write(exchange(request), TRACE_ID);
  }
}
