package dev.restgate.internal.lambdaproxy;

import static dev.restgate.testing.TestExchanges.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.testing.TestExchanges;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation matrix of {@code test_aws_proxy_response_payload_format_validation} (AWS-validated), row by row. */
class ProxyResponseReaderTest {
  private static final ProxyResponseReader READER = new ProxyResponseReader(BinaryMediaTypes.of(List.of()));
  private static final String BASE64_TEST_DATA = "dGVzdC1kYXRh";

  @Test
  void statusCodeAloneGivesAnEmptyJsonResponse() throws Exception {
    GatewayResponse response = read("{\"statusCode\":200}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().bytes()).isEmpty();
    assertThat(response.headers().all("Content-Type")).containsExactly("application/json");
  }

  @Test
  void missingStatusCodeMeans200() throws Exception {
    GatewayResponse response = read("{\"headers\":{\"test-header\":\"value\"}}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().all("test-header")).containsExactly("value");
    assertThat(response.body().bytes()).isEmpty();
  }

  @Test
  void statusCodeMayBeAString() throws Exception {
    assertThat(read("{\"statusCode\":\"201\"}").status()).isEqualTo(201);
  }

  @Test
  void statusCodeThatIsNotANumberIs502() {
    assertMalformed("{\"statusCode\":\"test\"}");
  }

  @Test
  void fractionalStatusCodeIs502() {
    assertMalformed("{\"statusCode\":200.5}");
  }

  @Test
  void statusCodeOutsideHttpRangeIs502() {
    assertMalformed("{\"statusCode\":99}");
    assertMalformed("{\"statusCode\":600}");
    assertMalformed("{\"statusCode\":4294967496}");
  }

  @Test
  void unknownTopLevelKeyIs502() {
    assertMalformed("{\"statusCode\":200,\"wrongValue\":\"value\"}");
  }

  @Test
  void topLevelKeysAreCaseSensitive() {
    assertMalformed("{\"StatusCode\":200}");
  }

  @Test
  void jsonStringIs502() {
    assertMalformed("\"justAString\"");
  }

  @Test
  void payloadThatIsNotJsonIs502() {
    assertMalformed("hello");
    assertMalformed("");
    assertMalformed("null");
  }

  @Test
  void contentAfterTheObjectIs502() {
    assertMalformed("{\"statusCode\":200} trailing");
    assertMalformed("{\"statusCode\":200}{\"statusCode\":201}");
  }

  @Test
  void nullHeadersAreTreatedAsAbsent() throws Exception {
    GatewayResponse response = read("{\"statusCode\":200,\"headers\":null,\"multiValueHeaders\":null,\"body\":null}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().bytes()).isEmpty();
  }

  @Test
  void headersThatAreNotAnObjectAre502() {
    assertMalformed("{\"headers\":\"test-header\"}");
    assertMalformed("{\"headers\":[\"test-header\"]}");
  }

  @Test
  void headerBooleansAndNumbersAreSentAsText() throws Exception {
    GatewayResponse response =
        read("{\"statusCode\":200,\"headers\":{\"header-bool\":true,\"header-int\":5,\"header-float\":1.5}}");

    assertThat(response.headers().all("header-bool")).containsExactly("true");
    assertThat(response.headers().all("header-int")).containsExactly("5");
    assertThat(response.headers().all("header-float")).containsExactly("1.5");
  }

  @Test
  void headerValueThatIsAnObjectIs502() {
    assertMalformed("{\"headers\":{\"test-header\":{\"a\":1}}}");
  }

  @Test
  void multiValueHeaderThatIsNotAListIs502() {
    assertMalformed("{\"statusCode\":200,\"multiValueHeaders\":{\"test-multi-invalid\":\"value1\"}}");
  }

  @Test
  void everyMultiValueBecomesAHeaderFieldOfItsOwn() throws Exception {
    GatewayResponse response = read("{\"statusCode\":200,\"multiValueHeaders\":{\"test-multi\":[\"value1\",\"value2\"]}}");

    assertThat(response.headers().all("test-multi")).containsExactly("value1", "value2");
  }

  @Test
  void cookiesStaySeparateSetCookieFields() throws Exception {
    GatewayResponse response =
        read("{\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1; Path=/\",\"b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT\"]}}");

    assertThat(response.headers().all("Set-Cookie"))
        .containsExactly("a=1; Path=/", "b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
  }

  @Test
  void multiValueHeadersComeFirstAndGiveTheMergedHeaderItsName() throws Exception {
    GatewayResponse response = read("{\"statusCode\":200,\"headers\":{\"test-multi\":\"value-solo\"},"
        + "\"multiValueHeaders\":{\"tesT-Multi\":[\"value-multi\"]}}");

    assertThat(fields(response, "test-multi")).containsExactly("tesT-Multi: value-multi", "tesT-Multi: value-solo");
  }

  @Test
  void valueGivenInBothMapsIsSentOnce() throws Exception {
    GatewayResponse response = read("{\"headers\":{\"Vary\":\"Origin\"},\"multiValueHeaders\":{\"Vary\":[\"Origin\"]}}");

    assertThat(response.headers().all("Vary")).containsExactly("Origin");
  }

  @Test
  void functionErrorIs502() {
    assertFailure(new LambdaInvoker.Result(
        utf8("{\"errorMessage\":\"boom\",\"errorType\":\"Exception\"}"), "Unhandled", "$LATEST", null));
  }

  @Test
  void functionErrorIs502EvenWhenThePayloadLooksLikeAResponse() {
    assertFailure(new LambdaInvoker.Result(utf8("{\"statusCode\":200}"), "Handled", "$LATEST", null));
  }

  @Test
  void bodyThatIsAnObjectIs502() {
    assertMalformed("{\"statusCode\":200,\"body\":{\"message\":\"hello\"}}");
  }

  @Test
  void bodyIsSentAsUtf8Text() throws Exception {
    GatewayResponse response = read("{\"statusCode\":200,\"body\":\"grüße\"}");

    assertThat(new String(response.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("grüße");
  }

  @Test
  void contentTypeOfTheFunctionIsKept() throws Exception {
    GatewayResponse response = read("{\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"hi\"}");

    assertThat(response.headers().all("Content-Type")).containsExactly("text/plain");
  }

  @Test
  void transferEncodingIsDropped() throws Exception {
    GatewayResponse response = read("{\"headers\":{\"Transfer-Encoding\":\"chunked\"}}");

    assertThat(response.headers().contains("Transfer-Encoding")).isFalse();
  }

  @Test
  void headersTheGatewayOwnsAreRemapped() throws Exception {
    GatewayResponse response = read("{\"headers\":{\"Connection\":\"close\",\"content-length\":\"99\","
        + "\"Date\":\"Thu, 01 Jan 2015 00:00:00 GMT\",\"Server\":\"lambda\"}}");

    assertThat(response.headers().contains("Connection")).isFalse();
    assertThat(response.headers().contains("Content-Length")).isFalse();
    assertThat(response.headers().contains("Date")).isFalse();
    assertThat(response.headers().contains("Server")).isFalse();
    assertThat(response.headers().all("x-amzn-Remapped-Connection")).containsExactly("close");
    assertThat(response.headers().all("x-amzn-Remapped-Content-Length")).containsExactly("99");
    assertThat(response.headers().all("x-amzn-Remapped-Date")).containsExactly("Thu, 01 Jan 2015 00:00:00 GMT");
    assertThat(response.headers().all("x-amzn-Remapped-Server")).containsExactly("lambda");
  }

  @Test
  void responseCarriesTheTraceIdOfTheEvent() throws Exception {
    GatewayResponse response = read("{\"headers\":{\"X-Amzn-Trace-Id\":\"Root=1-00000000-000000000000000000000000\"}}");

    assertThat(response.headers().all("X-Amzn-Trace-Id")).containsExactly(TRACE_ID);
  }

  @Test
  void headerValueWithALineBreakIs502() {
    assertMalformed("{\"headers\":{\"x-injected\":\"a\\r\\nSet-Cookie: b=2\"}}");
  }

  @Test
  void headerNameThatIsNotATokenIs502() {
    assertMalformed("{\"headers\":{\"bad name\":\"x\"}}");
  }

  @Test
  void base64BodyIsDecodedWhenTheFirstAcceptTypeIsBinary() throws Exception {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("image/*")));

    GatewayResponse response = reader.read(result(base64Response(BASE64_TEST_DATA)), accepting("image/png"), TRACE_ID);

    assertThat(response.body().bytes()).isEqualTo(utf8("test-data"));
  }

  @Test
  void base64BodyIsSentAsTextWhenTheClientDoesNotAcceptABinaryType() throws Exception {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("image/*")));

    GatewayResponse response =
        reader.read(result(base64Response(BASE64_TEST_DATA)), accepting("application/json"), TRACE_ID);

    assertThat(response.body().bytes()).isEqualTo(utf8(BASE64_TEST_DATA));
  }

  @Test
  void base64BodyIsSentAsTextWhenTheApiHasNoBinaryTypes() throws Exception {
    GatewayResponse response = read(base64Response(BASE64_TEST_DATA));

    assertThat(response.body().bytes()).isEqualTo(utf8(BASE64_TEST_DATA));
  }

  @Test
  void onlyTheFirstAcceptTypeDecidesAboutDecoding() throws Exception {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("image/png")));

    GatewayResponse response =
        reader.read(result(base64Response(BASE64_TEST_DATA)), accepting("text/html, image/png"), TRACE_ID);

    assertThat(response.body().bytes()).isEqualTo(utf8(BASE64_TEST_DATA));
  }

  @Test
  void bodyNotMarkedBase64IsNeverDecoded() throws Exception {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("*/*")));
    String payload = "{\"statusCode\":200,\"body\":\"" + BASE64_TEST_DATA + "\"}";

    GatewayResponse response = reader.read(result(payload), accepting("*/*"), TRACE_ID);

    assertThat(response.body().bytes()).isEqualTo(utf8(BASE64_TEST_DATA));
  }

  @Test
  void lineWrappedBase64IsDecoded() throws Exception {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("*/*")));

    GatewayResponse response = reader.read(result(base64Response("dGVzdC\\n1kYXRh\\r\\n")), accepting("*/*"), TRACE_ID);

    assertThat(response.body().bytes()).isEqualTo(utf8("test-data"));
  }

  @Test
  void isBase64EncodedMayBeAString() throws Exception {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("*/*")));
    String payload = "{\"body\":\"" + BASE64_TEST_DATA + "\",\"isBase64Encoded\":\"true\"}";

    GatewayResponse response = reader.read(result(payload), accepting("*/*"), TRACE_ID);

    assertThat(response.body().bytes()).isEqualTo(utf8("test-data"));
  }

  @Test
  void isBase64EncodedThatIsNotABooleanIs502() {
    assertMalformed("{\"body\":\"x\",\"isBase64Encoded\":\"yes\"}");
  }

  @Test
  void base64ThatCannotBeDecodedIs500() {
    ProxyResponseReader reader = new ProxyResponseReader(BinaryMediaTypes.of(List.of("*/*")));

    assertThatThrownBy(() -> reader.read(result(base64Response("not base64!")), accepting("*/*"), TRACE_ID))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.type()).isEqualTo(GatewayResponseType.API_CONFIGURATION_ERROR);
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.errorMessage()).isEqualTo("Internal server error");
        });
  }

  private static GatewayResponse read(String payload) throws GatewayException {
    return READER.read(result(payload), accepting("*/*"), TRACE_ID);
  }

  private static void assertMalformed(String payload) {
    assertFailure(result(payload));
  }

  private static void assertFailure(LambdaInvoker.Result result) {
    assertThatThrownBy(() -> READER.read(result, accepting("*/*"), TRACE_ID))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.type()).isEqualTo(GatewayResponseType.INTEGRATION_FAILURE);
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.errorMessage()).isEqualTo("Internal server error");
          assertThat(e.type().errorType()).isEqualTo("InternalServerErrorException");
        });
  }

  private static String base64Response(String body) {
    return "{\"statusCode\":200,\"body\":\"" + body + "\",\"isBase64Encoded\":true}";
  }

  private static LambdaInvoker.Result result(String payload) {
    return new LambdaInvoker.Result(utf8(payload), null, "$LATEST", null);
  }

  private static GatewayRequest accepting(String accept) {
    return TestExchanges.requestWithoutHeaders().header("Accept", accept).build().request();
  }

  private static List<String> fields(GatewayResponse response, String name) {
    List<String> fields = new ArrayList<>();
    response.headers().forEach((n, v) -> {
      if (n.equalsIgnoreCase(name)) {
        fields.add(n + ": " + v);
      }
    });
    return fields;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
