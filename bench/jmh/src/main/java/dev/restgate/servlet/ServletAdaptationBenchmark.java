package dev.restgate.servlet;

import dev.restgate.bench.BenchApis;
import dev.restgate.bench.BenchRequests;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.QueryString;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The servlet adapter: {@code ServletRequests.adapt} of a request with ten header fields (from a stub that costs
 * next to nothing, so the time is the adapter's), and the query parsing {@code GatewayRequest.query()} does on first
 * use, for the typical query of {@link BenchRequests#QUERY} and for one full of percent-escapes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServletAdaptationBenchmark {
  private static final String ENCODED_QUERY =
      "q=caf%C3%A9+au+lait&tags=a%2Cb%2Cc&redirect=https%3A%2F%2Fexample.com%2Fcart%3Fid%3D7&tags=d";

  // Non-final, so the JIT cannot treat the inputs as constants.
  private StubServletRequest servletRequest = new StubServletRequest("PUT",
      "/" + BenchApis.STAGE + "/users/42/history/1001", BenchRequests.QUERY, BenchRequests.HEADERS);
  private String typicalQuery = BenchRequests.QUERY;
  private String encodedQuery = ENCODED_QUERY;

  @Benchmark
  public GatewayRequest adapt() {
    return ServletRequests.adapt(servletRequest);
  }

  @Benchmark
  public Map<String, List<String>> parseTypicalQuery() {
    return QueryString.parse(typicalQuery);
  }

  @Benchmark
  public Map<String, List<String>> parseEncodedQuery() {
    return QueryString.parse(encodedQuery);
  }
}
