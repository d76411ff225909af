package dev.restgate.bench;

import dev.restgate.http.GatewayRequest;
import dev.restgate.internal.deploy.CompiledResource;
import dev.restgate.internal.routing.PathTrie;
import dev.restgate.internal.routing.Resolution;
import dev.restgate.internal.routing.RouteTable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing one request: {@code RouteTable.resolve} (invoke URL parsing, stage look-up, trie descent, route match) and
 * the trie descent alone, on an API of 10 and of 5,000 routes, for a literal path, a path with two parameters, a
 * greedy path and a path that matches nothing. The time should not depend on the number of routes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RouteLookupBenchmark {

  @Param({"10", "5000"})
  int routes;

  @Param({"literal", "param", "greedy", "miss"})
  String path;

  private RouteTable table;
  private PathTrie<CompiledResource> trie;
  private GatewayRequest request;
  private String trimmedPath;

  @Setup
  public void compile() {
    table = BenchApis.routeTable(BenchApis.config(BenchApis.api(routes, Map.of()), Map.of()));
    trimmedPath = BenchApis.PATHS.get(path);
    request = BenchRequests.request("GET", trimmedPath, null, new byte[0]);
    Resolution resolution = table.resolve(request);
    Resolution.Outcome expected = path.equals("miss") ? Resolution.Outcome.NO_ROUTE : Resolution.Outcome.MATCHED;
    if (resolution == null || resolution.outcome() != expected) {
      throw new IllegalStateException(path + " resolved to " + resolution);
    }
    trie = resolution.deployment().routes();
  }

  @Benchmark
  public Resolution resolve() {
    return table.resolve(request);
  }

  @Benchmark
  public PathTrie.Match<CompiledResource> trieFind() {
    return trie.find(trimmedPath);
  }
}
