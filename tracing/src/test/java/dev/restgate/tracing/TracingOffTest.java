package dev.restgate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the {@code tracing} section there is no SDK and no plugin, even on a stage with tracingEnabled. */
class TracingOffTest {

  @Test
  void withoutTheSectionNothingIsTraced(@TempDir Path dir) throws Exception {
    try (RecordingBackend backend = new RecordingBackend();
        EmbeddedGateway gateway = TracingTest.start(dir, backend, "")) {
      assertThat(Http.get(gateway.userRequest("shopapi001", "prod", "/items/1")).statusCode()).isEqualTo(200);

      RecordingBackend.Received atBackend = backend.next();
      assertThat(atBackend.header("traceparent")).isNull();
      assertThat(atBackend.header("X-Amzn-Trace-Id")).as("the gateway's own id, as before").startsWith("Root=1-");
      assertThat(gateway.gateway().service(GatewayTracer.class)).as("no tracer, so no plugin").isEmpty();
    }
  }
}
