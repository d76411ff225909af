package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client sees from the deployed gateway, the same in every way of running the WAR. The API is
 * {@code itestapi01}, stage {@code test}, from the test configuration ({@code src/it/config}): Lambda proxy routes to
 * the local Java function {@code hello}, which answers with what it received, and HTTP_PROXY routes to
 * {@link TestBackend}, two of them streamed ({@code responseTransferMode: STREAM}).
 */
abstract class AbstractGatewayIT {
  static final String API_ID = "itestapi01";
  static final String STAGE = "test";
  static final String HOST = API_ID + ".execute-api.localhost";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient STREAMING = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static TestBackend backend;

  /** Where the WAR runs, e.g. {@code http://127.0.0.1:8080}. */
  abstract URI baseUri();

  @BeforeAll
  static void startBackend() {
    backend = TestBackend.start(ItSettings.backendPort());
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @Test
  void healthCheckReportsUp() throws IOException {
    HttpResponse<String> response = Http.awaitAnswer(baseUri().resolve("/_health"), Duration.ofSeconds(60));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
  }

  @Test
  void executeApiHostAndStagePathRouteToTheMethod() {
    HttpResponse<String> response = Http.get(viaHost("/hello/world"), "Host", HOST);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("/hello/world");
  }

  @Test
  void userRequestPathRoutesToTheMethodOnAnyHost() {
    HttpResponse<String> response = Http.get(viaUserRequest("/hello/world"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("/hello/world");
  }

  @Test
  void unknownPathGets403MissingAuthenticationToken() throws IOException {
    assertMissingAuthenticationToken(Http.get(viaHost("/no/such/route"), "Host", HOST));
  }

  @Test
  void knownPathWithAnotherMethodGets403MissingAuthenticationToken() throws IOException {
    assertMissingAuthenticationToken(Http.send("DELETE", viaUserRequest("/hello"), null));
  }

  @Test
  void corsPreflightAnswersFromAMockIntegrationWithItsTemplate() {
    HttpResponse<String> response = Http.send("OPTIONS", viaUserRequest("/pets/7"), null,
        "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,OPTIONS");
    assertThat(response.body()).isEqualTo("{\"pet\": \"7\", \"stage\": \"test\"}");
  }

  @Test
  void lambdaProxyGivesTheLocalFunctionTheRequest() {
    HttpResponse<String> response = Http.send("POST", viaHost("/echo/some/deep/path?color=blue"),
        "ping-from-the-client", "Host", HOST, "Content-Type", "text/plain");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("/echo/some/deep/path", "some/deep/path", "blue", "ping-from-the-client");
  }

  @Test
  void httpProxyForwardsTheRequestToTheBackend() throws IOException {
    HttpResponse<String> response = Http.get(viaUserRequest("/pets/7?color=blue"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode seen = JSON.readTree(response.body());
    assertThat(seen.path("backend").asText()).isEqualTo(TestBackend.NAME);
    assertThat(seen.path("method").asText()).isEqualTo("GET");
    assertThat(seen.path("path").asText()).isEqualTo("/pets/7");
    assertThat(seen.path("query").asText()).isEqualTo("color=blue");
  }

  @Test
  void encodedPlusInThePathReachesTheFunctionUndecoded() {
    HttpResponse<String> response = Http.get(viaHost("/echo/test%2Balias@example.com"), "Host", HOST);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("test%2Balias@example.com");
  }

  @Test
  void lambdaInvokeApiRunsTheLocalFunctionForSignedCallsOnly() throws Exception {
    URI invoke = URI.create(baseUri() + "/2015-03-31/functions/hello/invocations");
    String event = "{\"httpMethod\":\"GET\",\"path\":\"/direct-invoke\",\"body\":\"invoked-directly\"}";
    HttpResponse<String> unsigned = Http.send("POST", invoke, event);
    Process curl = new ProcessBuilder("curl", "-sS", "--aws-sigv4", "aws:amz:us-east-1:lambda", "--user",
        "AKIAINTEGRATIONTESTS:integration/tests/secret", "--data-binary", event, invoke.toString())
        .redirectErrorStream(true).start();
    String signed = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(curl.waitFor()).as(signed).isZero();
    assertThat(signed).contains("statusCode", "invoked-directly");
  }

  @Test
  void pathsOutsideTheGatewayShowNothingOfTheWar() throws IOException {
    for (String path : List.of("/", "/index.html", "/dev/restgate/launcher/Main.class", "/META-INF/MANIFEST.MF",
        "/WEB-INF/web.xml", "/WEB-INF/lib/", "/_error")) {
      HttpResponse<String> response = Http.get(URI.create(baseUri() + path));

      assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(403, 404);
      assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      assertThat(JSON.readTree(response.body()).path("message").isTextual()).as(path).isTrue();
    }
  }

  @Test
  void bodyOverTheLimitGets413AndTheBackendSeesNothing() throws IOException {
    int before = backend.requests();

    HttpResponse<String> response = Http.send("GET", viaUserRequest("/pets/7"), "x".repeat(10 * 1024 * 1024 + 1));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"message\":\"Request Too Long\"}"));
    assertThat(backend.requests()).isEqualTo(before);
  }

  @Test
  void aStreamedResponseReachesTheClientBeforeTheBackendHasFinished() throws Exception {
    HttpResponse<InputStream> response = STREAMING.send(HttpRequest.newBuilder(viaUserRequest("/stream")).build(),
        HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    try (InputStream body = response.body()) {
      assertThat(new String(body.readNBytes("data: first\n\n".length()), StandardCharsets.UTF_8))
          .isEqualTo("data: first\n\n");
      backend.releaseStream();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: last\n\n");
    }
    assertThat(backend.streamWaitedForTheClient()).as("the backend was still waiting when the client had the "
        + "first event").isTrue();
  }

  @Test
  void aStreamThatRunsPastItsTimeoutEndsTheClientsResponseEarly() throws Exception {
    HttpResponse<InputStream> response = STREAMING.send(
        HttpRequest.newBuilder(viaUserRequest("/stream/stalled")).build(), HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream body = response.body()) {
      assertThat(new String(body.readNBytes("data: first\n\n".length()), StandardCharsets.UTF_8))
          .isEqualTo("data: first\n\n");
      CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
        try {
          return body.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      // The route's timeout is 1 s, the backend's stall 5 s: the client must see the response broken off, not ended.
      assertThatThrownBy(() -> rest.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UncheckedIOException.class);
    }
  }

  private URI viaHost(String path) {
    return URI.create(baseUri() + "/" + STAGE + path);
  }

  private URI viaUserRequest(String path) {
    return URI.create(baseUri() + "/restapis/" + API_ID + "/" + STAGE + "/_user_request_" + path);
  }

  private static void assertMissingAuthenticationToken(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"message\":\"Missing Authentication Token\"}"));
  }
}
