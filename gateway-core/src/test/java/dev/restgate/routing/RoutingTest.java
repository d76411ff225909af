package dev.restgate.routing;

import static dev.restgate.testing.TestApis.httpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.model.RestApi;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import dev.restgate.testing.TestApis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing rules of API Gateway (reference §1.3, checklist §15 items 1–3), checked with real HTTP requests. */
class RoutingTest {
  private static final String API = "abcde12345";
  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    backend = new RecordingBackend();
    String b = backend.url();
    RestApi api = TestApis.api(API)
        .method("/", "GET", httpProxy("GET", b + "/root"))
        .method("/pets", "GET", httpProxy("GET", b + "/pets"))
        .method("/pets/mine", "GET", httpProxy("GET", b + "/pets/mine"))
        .method("/pets/{id}", "GET", httpProxy("GET", b + "/pets/{id}"))
        .method("/pets/{id}", "ANY", httpProxy("ANY", b + "/any/{id}"))
        .method("/files/{path+}", "GET", httpProxy("GET", b + "/files/{path}"))
        .method("/users/{email}", "GET", httpProxy("GET", b + "/users/{email}"))
        .build();
    gateway = EmbeddedGateway.start(TestApis.config(api, "prod", Map.of()), data);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> viaHost(String method, String path) throws Exception {
    return Http.send(HttpRequest.newBuilder(gateway.uri(path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Host", API + ".execute-api.us-east-1.amazonaws.com")
        .build());
  }

  private static HttpResponse<String> viaUserRequest(String path) throws Exception {
    return Http.get(gateway.userRequest(API, "prod", path));
  }

  @Test
  void executeApiHostFormRoutesToTheStage() throws Exception {
    HttpResponse<String> response = viaHost("GET", "/prod/pets");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets");
  }

  @Test
  void userRequestFormRoutesOnAnyHost() throws Exception {
    HttpResponse<String> response = viaUserRequest("/pets");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets");
  }

  @Test
  void stageRootServesTheRootResource() throws Exception {
    assertThat(viaHost("GET", "/prod").statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/root");
    assertThat(viaHost("GET", "/prod/").statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/root");
  }

  @Test
  void literalSegmentBeatsPathParameter() throws Exception {
    viaHost("GET", "/prod/pets/mine");
    assertThat(backend.next().rawPath()).isEqualTo("/pets/mine");
    viaHost("GET", "/prod/pets/42");
    assertThat(backend.next().rawPath()).isEqualTo("/pets/42");
  }

  @Test
  void explicitVerbWinsOverAnyAndAnyCoversTheOthers() throws Exception {
    viaHost("GET", "/prod/pets/7");
    assertThat(backend.next().rawPath()).isEqualTo("/pets/7");
    viaHost("DELETE", "/prod/pets/7");
    RecordingBackend.Received received = backend.next();
    assertThat(received.rawPath()).isEqualTo("/any/7");
    assertThat(received.method()).isEqualTo("DELETE");
  }

  @Test
  void greedyParameterTakesTheRestOfThePath() throws Exception {
    viaHost("GET", "/prod/files/a/b/c.txt");
    assertThat(backend.next().rawPath()).isEqualTo("/files/a/b/c.txt");
  }

  @Test
  void trailingSlashIsIgnoredForMatching() throws Exception {
    assertThat(viaHost("GET", "/prod/pets/").statusCode()).isEqualTo(200);
    assertThat(backend.next().rawPath()).isEqualTo("/pets");
  }

  @Test
  void pathParametersAreForwardedWithoutPercentDecoding() throws Exception {
    viaHost("GET", "/prod/users/test%2Balias@gmail.com");
    assertThat(backend.next().rawPath()).isEqualTo("/users/test%2Balias@gmail.com");
  }

  @Test
  void unknownPathAnswersMissingAuthenticationToken() throws Exception {
    HttpResponse<String> response = viaHost("GET", "/prod/nothing/here");
    assertMissingAuthenticationToken(response);
  }

  @Test
  void knownPathWithWrongMethodAnswersMissingAuthenticationToken() throws Exception {
    assertMissingAuthenticationToken(viaHost("POST", "/prod/pets"));
    assertMissingAuthenticationToken(viaUserRequest("/pets/7/extra"));
  }

  @Test
  void unknownStageAnswersForbidden() throws Exception {
    HttpResponse<String> response = viaHost("GET", "/staging/pets");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
  }

  @Test
  void unknownApiAnswersForbidden() throws Exception {
    HttpResponse<String> response = Http.get(gateway.userRequest("zzzzz99999", "prod", "/pets"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  void everyResponseCarriesRequestIds() throws Exception {
    HttpResponse<String> ok = viaHost("GET", "/prod/pets");
    backend.next();
    HttpResponse<String> error = viaHost("GET", "/prod/nope");
    for (HttpResponse<String> response : java.util.List.of(ok, error)) {
      assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(response.headers().firstValue("x-amz-apigw-id").orElseThrow()).matches("[A-Za-z0-9+/]{15}=");
    }
  }

  @Test
  void requestsThatAreNotInvokeUrlsGetMissingAuthenticationTokenFromTheGateway() throws Exception {
    for (String path : new String[] {"/", "/prod/pets", "/WEB-INF/web.xml", "/dev/restgate/launcher/Main.class",
        "/restapis/" + API + "/prod", "/_health/x"}) {
      HttpResponse<String> response = Http.get(gateway.uri(path));
      assertMissingAuthenticationToken(response);
      assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }
  }

  @Test
  void healthCheckAnswersUp() throws Exception {
    HttpResponse<String> response = Http.get(gateway.uri("/_health"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void anInvokeUrlWinsOverTheHealthCheck() throws Exception {
    HttpResponse<String> response = Http.get(gateway.uri("/_health"), "Host", API + ".execute-api.localhost");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  private static void assertMissingAuthenticationToken(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }
}
