package dev.restgate.war;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restgate.Gateway;
import dev.restgate.config.ConfigLoader;
import dev.restgate.config.GatewayConfig;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.ProblemsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI import corpus ({@code openapi/src/test/resources/import/corpus}) deployed the way a user of the WAR
 * deploys a definition: a {@code gateway.yaml} names it as an API's body, and the gateway starts with every module
 * of the WAR. Each definition deploys, except those listed in {@link #REFUSED}; requests that need no backend
 * (CORS preflights, MOCK methods, refusals by the API's protections) answer as on AWS.
 */
class ImportCorpusDeploymentTest {
  private static final Path CORPUS = Path.of("..", "openapi", "src", "test", "resources", "import", "corpus");
  private static final String API = "corpus0001";
  /** SAM's default stage name, which the SAM resource policy names. */
  private static final String STAGE = "Prod";

  /** Definitions whose deployment is refused, with the problems (pointer: message). */
  private static final Map<String, List<String>> REFUSED = Map.of(
      // AWS refuses the deployment too: "No integration defined for method".
      "operations-without-integration.yaml", List.of(
          "/paths/~1members~1{memberId}~1points/get: the method has no integration (x-amazon-apigateway-integration)",
          "/paths/~1members~1{memberId}~1points/post: the method has no integration "
              + "(x-amazon-apigateway-integration)"));

  @TempDir
  Path dir;

  static Stream<String> deployable() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> !name.equals("README.md") && !REFUSED.containsKey(name)).sorted().toList().stream();
    }
  }

  static Stream<String> refused() {
    return REFUSED.keySet().stream().sorted();
  }

  /** The configuration serving {@code file} as API {@link #API}, stage {@link #STAGE}. */
  private GatewayConfig config(String file) throws Exception {
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        region: eu-west-1
        accountId: "123456789012"
        restApis:
          - id: %s
            body: %s
            stages: [{stageName: %s}]
        lambda:
          endpoint: http://127.0.0.1:9
          credentials: {accessKeyId: AKIDCORPUSTEST000000, secretAccessKey: corpus-test-secret}
        cognito:
          userPools:
            - {id: eu-west-1_Fd3skP00l, issuer: "http://127.0.0.1:9/bookings"}
            - {id: eu-west-1_S4mP0oL42, issuer: "http://127.0.0.1:9/sam"}
            - {id: eu-west-1_PuLuM1x0s, issuer: "http://127.0.0.1:9/storefront"}
        """.formatted(API, CORPUS.resolve(file).toAbsolutePath(), STAGE));
    return ConfigLoader.standard(getClass().getClassLoader()).load(config);
  }

  private Gateway start(String file) throws Exception {
    return Gateway.builder(config(file)).dataDirectory(dir.resolve("data")).start();
  }

  /** What the gateway answered: status, headers and body text. */
  private record Answer(int status, Headers headers, String body) {
    String header(String name) {
      return headers.first(name);
    }
  }

  /** A request to {@code path} of stage {@link #STAGE}; {@code headers} are name, value pairs. */
  private static Answer call(Gateway gateway, String method, String path, String body, String... headers)
      throws IOException {
    Headers fields = new Headers();
    for (int i = 0; i < headers.length; i += 2) {
      fields.add(headers[i], headers[i + 1]);
    }
    String invokePath = "/restapis/" + API + "/" + STAGE + "/_user_request_" + path;
    GatewayResponse response = gateway.handle(new GatewayRequest(method, invokePath, null, fields, "HTTP/1.1",
        "https", "203.0.113.9", 443,
        body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    try (Body answer = response.body()) {
      return new Answer(response.status(), response.headers(), new String(answer.bytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @MethodSource("deployable")
  void deploysWithEveryModuleOfTheWar(String file) throws Exception {
    // Starting compiles every method of the deployment with its integration and plugins, or throws the problems.
    try (Gateway gateway = start(file)) {
      assertThat(gateway.config().restApis()).singleElement()
          .satisfies(api -> assertThat(api.stages()).singleElement().satisfies(stage ->
              assertThat(stage.stageName()).isEqualTo(STAGE)));
    }
  }

  @ParameterizedTest
  @MethodSource("refused")
  void isRefusedWithAProblemAtEachMethodItCannotServe(String file) throws Exception {
    GatewayConfig config = config(file);

    ProblemsException refused = catchThrowableOfType(ProblemsException.class,
        () -> Gateway.builder(config).dataDirectory(dir.resolve("data")).start().close());

    assertThat(refused).as(file).isNotNull();
    assertThat(refused.problems()).extracting(p -> p.pointer() + ": " + p.message())
        .containsExactlyInAnyOrderElementsOf(REFUSED.get(file));
  }

  @Test
  void cdkPreflightAnswers204AndPicksTheAllowedOriginWithItsTemplate() throws Exception {
    try (Gateway gateway = start("cdk-spec-restapi.yaml")) {
      Answer plain = call(gateway, "OPTIONS", "/items", null);
      Answer admin = call(gateway, "OPTIONS", "/items", null, "Origin", "https://admin.catalog.example.com");

      assertThat(plain.status()).isEqualTo(204);
      assertThat(plain.header("Access-Control-Allow-Origin")).isEqualTo("https://catalog.example.com");
      assertThat(plain.header("Vary")).isEqualTo("Origin");
      assertThat(admin.status()).isEqualTo(204);
      assertThat(admin.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.catalog.example.com");
    }
  }

  @Test
  void cdkCustomMethodPathIsRoutedAndItsBodyValidatedIntoTheCustomGatewayResponse() throws Exception {
    try (Gateway gateway = start("cdk-spec-restapi.yaml")) {
      Answer response = call(gateway, "POST", "/items:batchGet", "{}", "Content-Type", "application/json");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).startsWith("{\"message\": \"").contains("skus").contains("\"requestId\": \"");
    }
  }

  @Test
  void consoleExportsAnswerTheirMockMethodsAndEnforceTheirProtections() throws Exception {
    try (Gateway gateway = start("console-export-oas3.yaml")) {
      Answer health = call(gateway, "GET", "/health", null);
      Answer preflight = call(gateway, "OPTIONS", "/bookings", null);
      Answer anonymous = call(gateway, "GET", "/bookings", null);

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\": \"ok\", \"stage\": \"Prod\"}");
      assertThat(preflight.status()).isEqualTo(200);
      assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,OPTIONS,POST");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
    try (Gateway gateway = start("console-export-swagger2.json")) {
      Answer preflight = call(gateway, "OPTIONS", "/photos/cat.jpg", null);

      assertThat(preflight.status()).isEqualTo(200);
      assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("DELETE,GET,OPTIONS,PUT");
    }
  }

  @Test
  void samPreflightsAnswerAndTheDefaultAuthorizerGuardsTheRest() throws Exception {
    try (Gateway gateway = start("sam-implicit-api.json")) {
      Answer preflight = call(gateway, "OPTIONS", "/hello", null);
      Answer anonymous = call(gateway, "GET", "/anything/else", null);

      assertThat(preflight.status()).isEqualTo(200);
      assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,OPTIONS,POST");
      assertThat(preflight.body()).isEqualTo("{}\n");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
    try (Gateway gateway = start("sam-openapi3.json")) {
      Answer preflight = call(gateway, "OPTIONS", "/orders", null);

      assertThat(preflight.status()).isEqualTo(200);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
      assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
    }
  }

  @Test
  void pulumiGatewayResponsesTurnUnknownPathsInto404() throws Exception {
    try (Gateway gateway = start("pulumi-awsx-swagger.json")) {
      Answer response = call(gateway, "GET", "/nope", null);

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"message\": \"404 Not found\" }");
    }
  }

  @Test
  void terraformBodiesEnforceTheirPolicyAndAuthorizer() throws Exception {
    try (Gateway gateway = start("terraform-jsonencode.json")) {
      Answer response = call(gateway, "GET", "/status", null);

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).contains("with an explicit deny");
    }
    try (Gateway gateway = start("terraform-templatefile.yaml")) {
      Answer response = call(gateway, "POST", "/orders", "{}", "Content-Type", "application/json");

      assertThat(response.status()).isEqualTo(401);
    }
  }

  @Test
  void toleratedVariantsRequireTheRootApiKey() throws Exception {
    try (Gateway gateway = start("tolerated-variants.yaml")) {
      Answer response = call(gateway, "GET", "/payments", null);

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }
  }
}
