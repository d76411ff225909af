package dev.restgate.bench;

import dev.restgate.Gateway;
import dev.restgate.config.ApiConfig;
import dev.restgate.config.GatewayConfig;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.metrics.MetricsConfig;
import dev.restgate.model.AccessLogSettings;
import dev.restgate.model.Deployment;
import dev.restgate.model.MethodSetting;
import dev.restgate.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What access logs and metrics cost a request on its own thread: {@code Gateway.handle} for one method around an
 * integration that does nothing, with the response's body closed as the servlet adapter closes it (which ends the
 * request, writes its access log line to the writer's queue and records its latency); {@code off} with both modules
 * on the class path but not configured, {@code accessLog} with the stage's access log (AWS's JSON example format,
 * to a file), {@code accessLogAndMetrics} with the metrics section on too and the method's detailed metrics.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObservabilityBenchmark {
  private static final String JSON_FORMAT = "{ \"requestId\":\"$context.requestId\", "
      + "\"ip\": \"$context.identity.sourceIp\", \"caller\":\"$context.identity.caller\", "
      + "\"user\":\"$context.identity.user\", \"requestTime\":\"$context.requestTime\", "
      + "\"httpMethod\":\"$context.httpMethod\", \"resourcePath\":\"$context.resourcePath\", "
      + "\"status\":\"$context.status\", \"protocol\":\"$context.protocol\", "
      + "\"responseLength\":\"$context.responseLength\" }";

  /** A gateway serving {@code GET /users/{id}} with the observability of {@link #mode}. */
  @State(Scope.Benchmark)
  public static class Observed {
    @Param({"off", "accessLog", "accessLogAndMetrics"})
    String mode;

    Gateway gateway;
    GatewayRequest request;
    private Path data;

    @Setup
    public void start() throws Exception {
      boolean logs = !mode.equals("off");
      boolean metrics = mode.equals("accessLogAndMetrics");
      Deployment deployment = new Deployment("dep001", null, Instant.EPOCH, BenchApis.api(10, Map.of()));
      Map<String, MethodSetting> settings = metrics
          ? Map.of("*/*", new MethodSetting(true, null, null, null, null, null, null, null, null, null))
          : null;
      Stage stage = new Stage(BenchApis.STAGE, deployment.id(), null, Map.of(), settings, null, null, null, null,
          logs ? new AccessLogSettings(JSON_FORMAT, "arn:aws:logs:us-east-1:123456789012:log-group:bench") : null,
          null);
      GatewayConfig.Builder config = GatewayConfig.builder()
          .restApi(new ApiConfig(BenchApis.API_ID, List.of(deployment), List.of(stage)));
      if (metrics) {
        config.section(MetricsConfig.class, new MetricsConfig("bench-metrics-token-0123456789", 0));
      }
      request = BenchRequests.request("GET", "/users/42", null, new byte[0]);
      data = Files.createTempDirectory("restgate-bench");
      gateway = Gateway.start(config.build(), data, Clock.systemUTC(), BenchApis.class.getClassLoader());
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

  /** The whole request path below the servlet adapter, ended as the adapter ends it. */
  @Benchmark
  public GatewayResponse gatewayHandle(Observed state) {
    GatewayResponse response = state.gateway.handle(state.request);
    response.body().close();
    return response;
  }
}
