package dev.restgate.bench;

import dev.restgate.Gateway;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.model.ApiKey;
import dev.restgate.model.ApiStage;
import dev.restgate.model.Deployment;
import dev.restgate.model.Integration;
import dev.restgate.model.Method;
import dev.restgate.model.QuotaSettings;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.model.ThrottleSettings;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.throttling.RateLimitingConfig;
import dev.restgate.throttling.UsagePlansConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What API keys and usage plans cost on the request path, local backend: {@code Gateway.handle} of a method that
 * takes an API key (key look-up, the plan's throttle and quota buckets, the account bucket, the usage record) and
 * of one that does not (the account bucket only), on two threads, so that a lock all requests share would show.
 * The keys rotate over {@code keys} keys of one plan whose limits the load never reaches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UsagePlanBenchmark {
  private static final String STAGE = "prod";

  /** A gateway with {@code GET /keyed} (API key required) and {@code GET /open}, and {@code keys} keys. */
  @State(Scope.Benchmark)
  public static class Plans {
    @Param({"1", "1000"})
    int keys;

    Gateway gateway;
    GatewayRequest[] keyed;
    GatewayRequest open;
    private Path data;

    @Setup
    public void start() throws Exception {
      Integration noop = new Integration(NoopIntegrationFactory.TYPE, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null);
      RestApi api = new RestApi(BenchApis.API_ID, "bench", null, "1", List.of(), null, null, null, null, null, null,
          null, List.of(new Resource("root000000", null, null, "/", Map.of()),
              new Resource("keyed00000", "root000000", "keyed", "/keyed", Map.of("GET",
                  new Method("GET", "NONE", null, true, null, null, null, null, null, noop, null, null))),
              new Resource("open000000", "root000000", "open", "/open", Map.of("GET",
                  new Method("GET", "NONE", null, false, null, null, null, null, null, noop, null, null)))),
          null, null, null, null, null, Map.of());
      List<ApiKey> apiKeys = new ArrayList<>();
      List<UsagePlanKey> planKeys = new ArrayList<>();
      keyed = new GatewayRequest[keys];
      for (int i = 0; i < keys; i++) {
        String id = String.format("k%09d", i);
        String value = "bench-key-" + id + "-0123456789";
        apiKeys.add(new ApiKey(id, value, id, null, null, true, null, null));
        planKeys.add(new UsagePlanKey("plan01", id, "API_KEY"));
        Headers headers = BenchRequests.headers();
        headers.add("x-api-key", value);
        keyed[i] = new GatewayRequest("GET", "/" + STAGE + "/keyed", null, headers, "HTTP/1.1", "https",
            BenchRequests.SOURCE_IP, 443, new ByteArrayInputStream(new byte[0]));
      }
      UsagePlan plan = new UsagePlan("plan01", "bench", null, List.of(new ApiStage(BenchApis.API_ID, STAGE, null)),
          new ThrottleSettings(1_000_000_000, 1e9), new QuotaSettings(Integer.MAX_VALUE, 0, "DAY"), null, null);
      RateLimitingConfig limits = new RateLimitingConfig("local", null, null, null, null,
          new ThrottleSettings(1_000_000_000, 1e9), true);
      Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, api);
      GatewayConfig config = GatewayConfig.builder()
          .restApi(new ApiConfig(BenchApis.API_ID, List.of(deployment), List.of(new Stage(STAGE, "dep001", null,
              Map.of(), null, null, null, null, null, null, null))))
          .section(UsagePlansConfig.class, new UsagePlansConfig(apiKeys, List.of(plan), planKeys, limits))
          .build();
      open = BenchRequests.request("GET", "/open", null, new byte[0]);
      data = Files.createTempDirectory("restgate-bench");
      gateway = Gateway.start(config, data, Clock.systemUTC(), UsagePlanBenchmark.class.getClassLoader());
      for (GatewayRequest request : List.of(keyed[0], open)) {
        if (gateway.handle(request).status() != 200) {
          throw new IllegalStateException("the benchmark methods do not answer 200");
        }
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

  /** Which of the keys a thread sends next. */
  @State(Scope.Thread)
  public static class Rotation {
    int next;
  }

  @Benchmark
  public GatewayResponse withApiKey(Plans plans, Rotation rotation) {
    GatewayRequest request = plans.keyed[rotation.next];
    rotation.next = rotation.next + 1 == plans.keyed.length ? 0 : rotation.next + 1;
    return plans.gateway.handle(request);
  }

  @Benchmark
  public GatewayResponse withoutApiKey(Plans plans) {
    return plans.gateway.handle(plans.open);
  }
}
