package dev.restgate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.ConfigFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tracing} section: defaults, the endpoint's path, and every problem with its pointer. */
class TracingSectionTest {
  @TempDir
  Path dir;

  private TracingConfig load(String yaml) throws Exception {
    return new ConfigFiles(dir).load(yaml).section(TracingConfig.class).orElse(null);
  }

  @Test
  void onlyTheEndpointIsRequired() throws Exception {
    TracingConfig config = load("tracing: {endpoint: 'http://collector:4318'}\n");

    assertThat(config).isEqualTo(new TracingConfig(URI.create("http://collector:4318/v1/traces"), "restgate", 1.0,
        Map.of()));
  }

  @Test
  void anEndpointEndingInTheTracesPathIsKept() throws Exception {
    assertThat(load("tracing: {endpoint: 'https://otlp.example.com/otlp/v1/traces'}\n").endpoint())
        .isEqualTo(URI.create("https://otlp.example.com/otlp/v1/traces"));
    assertThat(load("tracing: {endpoint: 'https://otlp.example.com/otlp/'}\n").endpoint())
        .isEqualTo(URI.create("https://otlp.example.com/otlp/v1/traces"));
  }

  @Test
  void withoutTheSectionTracingIsOff() throws Exception {
    assertThat(load("region: us-east-1\n")).isNull();
  }

  @Test
  void everyProblemIsReportedAtItsPointer() {
    Map<String, String> messages = new ConfigFiles(dir).messages("""
        tracing:
          endpoint: ftp://collector
          serviceName: " "
          sampleRatio: 1.5
          headers: {"bad header": x, Api-Key: {nested: 1}}
          sample: 1
        """);

    assertThat(messages).containsOnlyKeys("/tracing/endpoint", "/tracing/serviceName", "/tracing/sampleRatio",
        "/tracing/headers/bad header", "/tracing/headers/Api-Key", "/tracing/sample");
    assertThat(messages.get("/tracing/endpoint")).contains("http://collector:4318");
    assertThat(messages.get("/tracing/sample")).contains("sampleRatio");
  }

  @Test
  void headerValuesAreNotPrinted() throws Exception {
    assertThat(load("tracing: {endpoint: 'http://c:4318', headers: {x-api-key: s3cr3t}}\n").toString())
        .doesNotContain("s3cr3t").contains("x-api-key");
  }
}
