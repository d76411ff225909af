package dev.restgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboard in {@code docs/grafana} queries only metrics a real gateway exposes. */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "restgate-dashboard.json");
  /** An identifier of PromQL: a metric, function, keyword or label name. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan");

  @Test
  void everyQueryNamesAMetricOfARealScrape(@TempDir Path dir) throws Exception {
    Set<String> queried = new TreeSet<>();
    collect(new ObjectMapper().readTree(DASHBOARD.toFile()), queried);
    assertThat(queried).as("the dashboard's metrics").contains("apigateway_count_total",
        "apigateway_latency_milliseconds_bucket", "jvm_memory_used_bytes", "apigateway_throttled_total",
        "apigateway_quotaexceeded_total", "apigateway_authorizer_invocations_total",
        "apigateway_authorizer_cachehits_total", "lambda_invocations_total", "lambda_throttles_total",
        "lambda_coldstarts_total", "lambda_duration_milliseconds_bucket", "lambda_initduration_milliseconds_sum",
        "apigateway_httpclient_connections", "apigateway_httpclient_queued_requests");

    Scrape scrape;
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = MetricsTest.start(Files.createDirectories(dir.resolve("shop")), backend,
            "metrics: {bearerToken: " + MetricsTest.TOKEN + "}\n")) {
      Http.get(gateway.userRequest("shopapi001", "prod", "/items/1"));
      Http.get(gateway.userRequest("shopapi001", "cached", "/items/1"));
      scrape = Scrape.parse(MetricsTest.scrape(gateway, "Authorization", "Bearer " + MetricsTest.TOKEN).body());
    }
    // Refusals, authorizers and local functions: the gateway of ExtendedMetricsTest, after its requests.
    Scrape extended;
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = ExtendedMetricsTest.start(Files.createDirectories(dir.resolve("club")), backend)) {
      ExtendedMetricsTest.exercise(gateway);
      extended = Scrape.parse(MetricsTest.scrape(gateway, "Authorization", "Bearer " + MetricsTest.TOKEN).body());
    }
    assertThat(queried).allSatisfy(metric -> assertThat(scrape.hasMetric(metric) || extended.hasMetric(metric))
        .as(metric).isTrue());
  }

  /** The metric names of every {@code expr} (panel targets) and {@code label_values} (variables) in {@code node}. */
  private static void collect(JsonNode node, Set<String> metrics) {
    node.fields().forEachRemaining(field -> {
      if (field.getKey().equals("expr") && field.getValue().isTextual()) {
        metrics.addAll(metricsOf(field.getValue().textValue()));
      } else if (field.getKey().equals("query") && field.getValue().isTextual()) {
        Matcher m = Pattern.compile("label_values\\(([A-Za-z_:][A-Za-z0-9_:]*)").matcher(field.getValue().textValue());
        while (m.find()) {
          metrics.add(m.group(1));
        }
      }
      collect(field.getValue(), metrics);
    });
    if (node.isArray()) {
      node.forEach(element -> collect(element, metrics));
    }
  }

  /** The metric names of a PromQL expression: identifiers outside label matchers, grouping and ranges. */
  static Set<String> metricsOf(String expr) {
    String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("\\$\\{?[A-Za-z_]+}?", " ");
    Set<String> metrics = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(stripped);
    while (m.find()) {
      String name = m.group();
      boolean function = stripped.substring(m.end()).stripLeading().startsWith("(");
      boolean number = m.start() > 0 && Character.isDigit(stripped.charAt(m.start() - 1));
      if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
        metrics.add(name);
      }
    }
    return metrics;
  }

  @Test
  void theExpressionParserFindsMetricsOnly() {
    assertThat(metricsOf("histogram_quantile(0.99, sum by (le, ApiName) (rate(apigateway_latency_milliseconds_bucket"
        + "{ApiName=~\"$api\", Stage=~\"$stage\"}[$__rate_interval])))"))
        .containsExactly("apigateway_latency_milliseconds_bucket");
    assertThat(metricsOf("sum(rate(a_total[5m])) / clamp_min(sum(rate(b_total[5m])) + 1e-9, 1)"))
        .containsExactly("a_total", "b_total");
  }
}
