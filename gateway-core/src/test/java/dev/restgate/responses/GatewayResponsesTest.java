package dev.restgate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.CustomGatewayResponse;
import dev.restgate.model.RestApi;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.TestApis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customised gateway responses (reference §7): inheritance, status, headers and plain-substitution templates. */
class GatewayResponsesTest {
  @TempDir
  Path data;

  @Test
  void default4xxCustomisationAppliesToEveryUncustomisedClientError() throws Exception {
    RestApi api = TestApis.api("responses1")
        .method("/pets", "GET", TestApis.httpProxy("GET", "http://127.0.0.1:9/pets"))
        .gatewayResponse("DEFAULT_4XX", new CustomGatewayResponse("DEFAULT_4XX", null,
            Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'",
                "gatewayresponse.header.X-Echo", "method.request.header.X-In",
                "gatewayresponse.header.X-Stage-Var", "stageVariables.color"),
            Map.of("application/json", "{\"message\":$context.error.messageString,\"type\":\"$context.error.responseType\"}"),
            false))
        .build();
    try (EmbeddedGateway gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of("color", "blue")),
        data)) {
      HttpResponse<String> response = Http.get(gateway.userRequest("responses1", "prod", "/nothing"), "X-In", "hi");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .isEqualTo("{\"message\":\"Missing Authentication Token\",\"type\":\"MISSING_AUTHENTICATION_TOKEN\"}");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(response.headers().firstValue("X-Echo")).hasValue("hi");
      assertThat(response.headers().firstValue("X-Stage-Var")).hasValue("blue");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }
  }

  @Test
  void ownCustomisationWinsOverFamilyDefaultAndCanChangeTheStatus() throws Exception {
    RestApi api = TestApis.api("responses2")
        .method("/pets", "GET", TestApis.httpProxy("GET", "http://127.0.0.1:9/pets"))
        .gatewayResponse("DEFAULT_4XX", new CustomGatewayResponse("DEFAULT_4XX", "418", null, null, false))
        .gatewayResponse("MISSING_AUTHENTICATION_TOKEN", new CustomGatewayResponse("MISSING_AUTHENTICATION_TOKEN",
            "404", null, Map.of("application/json",
                "{\"error\": \"$context.error.message\", \"stage\": \"$context.stage\", \"path\": \"$context.path\"}"),
            false))
        .build();
    try (EmbeddedGateway gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of()), data)) {
      HttpResponse<String> response = Http.get(gateway.userRequest("responses2", "prod", "/nothing"));
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body())
          .isEqualTo("{\"error\": \"Missing Authentication Token\", \"stage\": \"prod\", \"path\": \"/prod/nothing\"}");
    }
  }

  @Test
  void default5xxCustomisationDoesNotTouchClientErrors() throws Exception {
    RestApi api = TestApis.api("responses3")
        .method("/down", "GET", TestApis.httpProxy("GET", "http://127.0.0.1:1/down"))
        .gatewayResponse("DEFAULT_5XX", new CustomGatewayResponse("DEFAULT_5XX", "599", null, null, false))
        .build();
    try (EmbeddedGateway gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of()), data)) {
      HttpResponse<String> down = Http.get(gateway.userRequest("responses3", "prod", "/down"));
      assertThat(down.statusCode()).isEqualTo(599);
      assertThat(down.body()).isEqualTo("{\"message\":\"Internal server error\"}");
      HttpResponse<String> missing = Http.get(gateway.userRequest("responses3", "prod", "/missing"));
      assertThat(missing.statusCode()).isEqualTo(403);
    }
  }
}
