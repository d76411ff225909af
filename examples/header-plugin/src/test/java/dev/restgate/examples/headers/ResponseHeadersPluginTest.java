package dev.restgate.examples.headers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.model.RestApi;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin, loaded by ServiceLoader from this module and configured from its OpenAPI extension. */
class ResponseHeadersPluginTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void addsTheConfiguredHeadersMethodLevelReplacingApiLevel(@TempDir Path data) throws Exception {
    try (RecordingBackend backend = new RecordingBackend()) {
      RestApi api = TestApis.api("headers001")
          .extension("x-restgate-response-headers",
              JSON.readTree("{\"headers\":{\"X-Content-Type-Options\":\"nosniff\"}}"))
          .method("/plain", "GET", TestApis.httpProxy("GET", backend.url() + "/plain"))
          .method("/special", "GET", TestApis.httpProxy("GET", backend.url() + "/special"),
              Map.of("x-restgate-response-headers", JSON.readTree("{\"headers\":{\"X-Backend\":\"hidden\"}}")))
          .build();
      try (EmbeddedGateway gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of()), data)) {
        HttpResponse<String> plain = Http.get(gateway.userRequest("headers001", "prod", "/plain"));
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(plain.headers().firstValue("X-Backend")).hasValue("recording");

        HttpResponse<String> special = Http.get(gateway.userRequest("headers001", "prod", "/special"));
        assertThat(special.headers().firstValue("X-Content-Type-Options")).isEmpty();
        assertThat(special.headers().allValues("X-Backend")).containsExactly("hidden");
      }
    }
  }

  @Test
  void addsTheHeadersToGatewayErrorsToo(@TempDir Path data) throws Exception {
    RestApi api = TestApis.api("headers002")
        .extension("x-restgate-response-headers",
            JSON.readTree("{\"headers\":{\"Access-Control-Allow-Origin\":\"*\"}}"))
        .method("/down", "GET", TestApis.httpProxy("GET", "http://127.0.0.1:1/down"))
        .build();
    try (EmbeddedGateway gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of()), data)) {
      HttpResponse<String> down = Http.get(gateway.userRequest("headers002", "prod", "/down"));
      assertThat(down.statusCode()).isEqualTo(504);
      assertThat(down.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

      HttpResponse<String> tooLarge = Http.send(HttpRequest.newBuilder(gateway.userRequest("headers002", "prod",
          "/down")).method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])).build());
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(tooLarge.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }
  }
}
