package dev.restgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.restgate.Gateway;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.RequestIds;
import dev.restgate.internal.routing.Resolution;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.Handler;
import dev.restgate.spi.ProblemsException;
import dev.restgate.spi.RouteMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the gateway costs around an integration that does nothing ({@link NoopIntegrationFactory}): the compiled
 * chain of one method with 0, 1 and 7 pass-through plugins ({@link PassThroughPluginFactory}), entered with a fresh
 * exchange as the gateway enters it; and {@code Gateway.handle} end to end without HTTP (routing, request ids,
 * exchange, MDC, chain, response headers) for the same method.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChainBenchmark {
  private static final Instant REQUEST_TIME = Instant.parse("2025-01-01T00:00:00Z");

  /** A gateway serving {@code GET /users/{id}} through {@code links} pass-through plugins. */
  @State(Scope.Benchmark)
  public static class Chain {
    @Param({"0", "1", "7"})
    int links;

    Gateway gateway;
    Handler chain;
    RouteMatch match;
    GatewayRequest request;
    private Path data;

    @Setup
    public void start() throws IOException, ProblemsException {
      Map<String, JsonNode> extensions = Map.of(PassThroughPluginFactory.EXTENSION,
          JsonNodeFactory.instance.objectNode().put("links", links));
      var config = BenchApis.config(BenchApis.api(10, extensions), Map.of());
      request = BenchRequests.request("GET", "/users/42", null, new byte[0]);
      Resolution resolution = BenchApis.routeTable(config).resolve(request);
      chain = resolution.method().chain();
      match = resolution.match();
      data = Files.createTempDirectory("restgate-bench");
      gateway = Gateway.start(config, data, Clock.systemUTC(), BenchApis.class.getClassLoader());
      if (gateway.handle(request).status() != 200) {
        throw new IllegalStateException("the benchmark method does not answer 200");
      }
    }

    @TearDown
    public void stop() throws IOException {
      gateway.close();
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The linked chain alone, as {@code Gateway} runs it once a request is routed. */
  @Benchmark
  public GatewayResponse chain(Chain state) throws Exception {
    Exchange exchange = new Exchange(state.request, "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "LiaEkHIfoAMFnMQ=",
        REQUEST_TIME);
    exchange.route(state.match);
    return state.chain.handle(exchange);
  }

  /** The whole request path below the servlet adapter. */
  @Benchmark
  public GatewayResponse gatewayHandle(Chain state) {
    return state.gateway.handle(state.request);
  }

  /** The two ids every request gets, part of {@link #gatewayHandle}. */
  @Benchmark
  public void requestIds(Blackhole blackhole) {
    blackhole.consume(RequestIds.requestId());
    blackhole.consume(RequestIds.extendedRequestId());
  }
}
