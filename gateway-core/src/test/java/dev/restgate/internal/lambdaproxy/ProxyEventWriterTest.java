package dev.restgate.internal.lambdaproxy;

import static dev.restgate.testing.TestExchanges.TRACE_ID;
import static dev.restgate.testing.TestExchanges.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RequestIdentity;
import dev.restgate.testing.TestExchanges;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events of the AWS-validated LocalStack cases ({@code test_lambda_aws_proxy_integration}), as a regional endpoint
 * sends them: the recorded events less the CloudFront headers of an edge endpoint.
 */
class ProxyEventWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ProxyEventWriter WRITER = new ProxyEventWriter(BinaryMediaTypes.of(List.of()));

  @Test
  void greedyPathEventWithoutQueryHasNullQueryMaps() throws IOException {
    Exchange exchange = request().header("tEsT-HEADeR", "aValUE").header("authorization", "random-value").build();

    assertThat(event(exchange)).isEqualTo(golden("greedy-path"));
  }

  @Test
  void trailingSlashStaysInThePathButNotInTheProxyParameter() throws IOException {
    Exchange exchange = request().path("/proxy-value/", "/test/proxy-value/")
        .header("tEsT-HEADeR", "aValUE").header("authorization", "random-value").build();

    assertThat(event(exchange)).isEqualTo(golden("trailing-slash"));
  }

  @Test
  void doubleSlashInsideTheGreedyPathIsKept() throws IOException {
    Exchange exchange = request().path("/proxy-value//double-slash", "/test/proxy-value//double-slash")
        .resource("rsrc01", "/{proxy+}", Map.of("proxy", "proxy-value//double-slash"))
        .header("tEsT-HEADeR", "aValUE").header("authorization", "random-value").build();

    assertThat(event(exchange)).isEqualTo(golden("double-slash"));
  }

  @Test
  void percentEncodedPathIsPassedRaw() throws IOException {
    String path = "test-path/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com";
    Exchange exchange = request().path("/" + path, "/test/" + path)
        .resource("rsrc01", "/{proxy+}", Map.of("proxy", path))
        .header("tEsT-HEADeR", "aValUE").header("authorization", "random-value").build();

    assertThat(event(exchange)).isEqualTo(golden("encoded-path"));
  }

  @Test
  void queryValuesArriveDecoded() throws IOException {
    Exchange exchange = request().path("/test-path/api", "/test/test-path/api")
        .resource("rsrc01", "/{proxy+}", Map.of("proxy", "test-path/api"))
        .query("dateTimeOffset=2023-06-12T18:05:10.123456+00:00&email=test%2Balias@gmail.com"
            + "&plus=test+alias@gmail.com&url=https://www.google.com/&whitespace=foo%20bar&zhash=abort/")
        .header("tEsT-HEADeR", "aValUE").header("authorization", "random-value").build();

    assertThat(event(exchange)).isEqualTo(golden("query-encoding"));
  }

  @Test
  void repeatedQueryParametersGiveTheLastValueAndTheFullList() throws IOException {
    String body = "{\"message\": \"hello world\"}";
    Exchange exchange = request().method("POST").path("/test-path", "/test/test-path")
        .resource("rsrc01", "/{proxy+}", Map.of("proxy", "test-path"))
        .query("category=electronics&category=books&price=10&price=20&price=30")
        .header("aUThorization", "Bearer token123;API key456")
        .header("Content-Type", "application/json;charset=utf-8")
        .header("Content-Length", Integer.toString(body.length()))
        .body(body).build();

    assertThat(event(exchange)).isEqualTo(golden("multi-value-query"));
  }

  @Test
  void stageVariablesAuthorizerApiKeyAndOperationNameAppearInTheEvent() throws IOException {
    Exchange exchange = TestExchanges.requestWithoutHeaders()
        .header("Host", "api.example.com").header("User-Agent", "curl/8.0").header("Accept", "application/json")
        .header("x-api-key", "key-value")
        .path("/bp/pets/42", "/bp/pets/42").domain("api.example.com", "api")
        .resource("pets42", "/pets/{petId}", Map.of("petId", "42"))
        .stageVariables(orderedMap("lambdaAlias", "live", "color", "green"), true)
        .operationName("GetPet").build();
    exchange.identity(exchange.identity().withApiKey("key-value", "k1"));
    exchange.authorizer(new AuthorizerContext("user-1", orderedMap("scope", "read", "admin", "false"), null, 12L,
        null));

    assertThat(event(exchange)).isEqualTo(golden("stage-variables"));
  }

  @Test
  void bodyOfABinaryMediaTypeIsBase64Encoded() throws IOException {
    ProxyEventWriter writer = new ProxyEventWriter(BinaryMediaTypes.of(List.of("image/*")));
    Exchange exchange = TestExchanges.requestWithoutHeaders()
        .header("Host", TestExchanges.HOST).header("User-Agent", "curl/8.0").header("Accept", "*/*")
        .header("Content-Type", "image/png").header("Content-Length", "10")
        .method("POST").path("/upload", "/test/upload").resource("upld01", "/upload", Map.of())
        .body(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff}).build();

    assertThat(JSON.readTree(writer.write(exchange, TRACE_ID))).isEqualTo(golden("binary-body"));
  }

  @Test
  void bodyOfAnUnlistedMediaTypeIsText() throws IOException {
    ProxyEventWriter writer = new ProxyEventWriter(BinaryMediaTypes.of(List.of("image/*")));
    Exchange exchange = request().method("POST").header("Content-Type", "text/plain; charset=utf-8")
        .body("grüße").build();

    JsonNode event = JSON.readTree(writer.write(exchange, TRACE_ID));

    assertThat(event.get("body").textValue()).isEqualTo("grüße");
    assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
  }

  @Test
  void wildcardBinaryMediaTypeTurnsEveryBodyIntoBase64() throws IOException {
    ProxyEventWriter writer = new ProxyEventWriter(BinaryMediaTypes.of(List.of("*/*")));
    Exchange exchange = request().method("POST").header("Content-Type", "application/json").body("{}").build();

    JsonNode event = JSON.readTree(writer.write(exchange, TRACE_ID));

    assertThat(event.get("body").textValue()).isEqualTo("e30=");
    assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
  }

  @Test
  void repeatedHeadersGiveTheLastValueAndTheFullList() throws IOException {
    Exchange exchange = request().header("X-Custom", "first").header("x-custom", "second").build();

    JsonNode event = event(exchange);

    assertThat(event.at("/headers/X-Custom").textValue()).isEqualTo("second");
    assertThat(event.at("/multiValueHeaders/X-Custom")).containsExactly(text("first"), text("second"));
    assertThat(event.get("headers").has("x-custom")).isFalse();
  }

  @Test
  void framingHeadersAreNotForwarded() throws IOException {
    Exchange exchange = request().method("POST").header("Content-Length", "2").header("Expect", "100-continue")
        .header("Transfer-Encoding", "chunked").body("{}").build();

    JsonNode headers = event(exchange).get("multiValueHeaders");

    assertThat(fieldNames(headers)).doesNotContain("Connection", "Content-Length", "Expect", "Transfer-Encoding");
  }

  @Test
  void clientAddressIsAppendedToTheForwardedChainAndForwardingHeadersAreTheGateways() throws IOException {
    Exchange exchange = request().header("X-Forwarded-For", "198.51.100.1").header("X-Forwarded-For", "10.0.0.1")
        .header("X-Forwarded-Proto", "http").header("X-Forwarded-Port", "80")
        .header("X-Amzn-Trace-Id", "Root=1-00000000-000000000000000000000000").build();

    JsonNode event = event(exchange);

    assertThat(event.at("/multiValueHeaders/X-Forwarded-For"))
        .containsExactly(text("198.51.100.1, 10.0.0.1, 203.0.113.7"));
    assertThat(event.at("/multiValueHeaders/X-Forwarded-Proto")).containsExactly(text("https"));
    assertThat(event.at("/multiValueHeaders/X-Forwarded-Port")).containsExactly(text("443"));
    assertThat(event.at("/multiValueHeaders/X-Amzn-Trace-Id")).containsExactly(text(TRACE_ID));
  }

  @Test
  void fieldsComeInTheOrderAwsDocumentsThem() throws IOException {
    JsonNode event = event(request().build());

    assertThat(fieldNames(event)).containsExactly("resource", "path", "httpMethod", "headers", "multiValueHeaders",
        "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
        "requestContext", "body", "isBase64Encoded");
    assertThat(fieldNames(event.get("requestContext"))).containsExactly("accountId", "apiId", "deploymentId",
        "domainName", "domainPrefix", "extendedRequestId", "httpMethod", "identity", "path", "protocol", "requestId",
        "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage");
  }

  @Test
  void requestTimeIsInEnglishAndUtcWhateverTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.FRANCE);
    try {
      JsonNode context = event(request().at(Instant.parse("2024-12-31T23:59:59.123Z")).build()).get("requestContext");

      assertThat(context.get("requestTime").textValue()).isEqualTo("31/Dec/2024:23:59:59 +0000");
      assertThat(context.get("requestTimeEpoch").longValue()).isEqualTo(1735689599123L);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void identityFromIamCarriesThePrincipal() throws IOException {
    Exchange exchange = request().build();
    exchange.identity(RequestIdentity.anonymous("203.0.113.7", "aws-cli")
        .withIamPrincipal("AKIDEXAMPLE", "123456789012", "AIDAEXAMPLE", "AIDAEXAMPLE",
            "arn:aws:iam::123456789012:user/alice"));

    JsonNode identity = event(exchange).at("/requestContext/identity");

    assertThat(identity.get("accessKey").textValue()).isEqualTo("AKIDEXAMPLE");
    assertThat(identity.get("userArn").textValue()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(identity.has("apiKey")).isFalse();
  }

  @Test
  void cognitoClaimsAreAnObjectUnderClaims() throws IOException {
    Exchange exchange = request().build();
    exchange.authorizer(new AuthorizerContext(null, null, Map.of("sub", "abc"), null, null));

    JsonNode authorizer = event(exchange).at("/requestContext/authorizer");

    assertThat(authorizer).isEqualTo(JSON.readTree("{\"claims\":{\"sub\":\"abc\"}}"));
  }

  private static JsonNode event(Exchange exchange) throws IOException {
    return JSON.readTree(WRITER.write(exchange, TRACE_ID));
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in = ProxyEventWriterTest.class.getResourceAsStream("/lambdaproxy/events/" + name + ".json")) {
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonNode text(String value) {
    return JSON.getNodeFactory().textNode(value);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
