package dev.restgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binary payloads through {@code HTTP} integrations against a backend that echoes what it receives: the request and
 * response rows of AWS's {@code contentHandling} tables.
 */
class ContentHandlingTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff};
  private static final String OPENAPI = """
      openapi: 3.0.1
      info: {title: binary, version: "1"}
      x-amazon-apigateway-binary-media-types: [image/png, application/octet-stream]
      paths:
        /as-is:
          post:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: POST
              uri: "${stageVariables.backend}/echo"
              responses: {default: {statusCode: "200"}}
        /to-text:
          post:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: POST
              uri: "${stageVariables.backend}/echo"
              contentHandling: CONVERT_TO_TEXT
              requestParameters:
                integration.request.header.Content-Type: "'application/json'"
              requestTemplates:
                image/png: '{"image": "$input.body"}'
              responses:
                default:
                  statusCode: "200"
                  responseTemplates:
                    application/json: '{"received": $input.json(''$.image'')}'
        /to-binary:
          post:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: POST
              uri: "${stageVariables.backend}/echo"
              contentHandling: CONVERT_TO_BINARY
              responses:
                default: {statusCode: "200", contentHandling: CONVERT_TO_TEXT}
        /decode-answer:
          post:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: POST
              uri: "${stageVariables.backend}/echo"
              responses:
                default: {statusCode: "200", contentHandling: CONVERT_TO_BINARY}
      """;

  private static RecordingBackend backend;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    gateway = MappingGateways.start(dir, "binary0001", OPENAPI, Map.of("backend", backend.url()),
        ContentHandlingTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<byte[]> post(String path, String contentType, byte[] body, String accept)
      throws Exception {
    return Http.sendForBytes(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", contentType).header("Accept", accept).build());
  }

  private static URI uri(String path) {
    return gateway.userRequest("binary0001", "prod", path);
  }

  @Test
  void aBinaryPayloadReachesTheBackendAndAClientAcceptingBinaryUntouched() throws Exception {
    HttpResponse<byte[]> response = post("/as-is", "image/png", PNG, "image/png");

    assertThat(backend.next().body()).isEqualTo(PNG);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(PNG);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
  }

  @Test
  void aBinaryAnswerToAClientAcceptingTextIsBase64Encoded() throws Exception {
    HttpResponse<byte[]> response = post("/as-is", "image/png", PNG, "application/json");

    backend.next();
    assertThat(new String(response.body(), StandardCharsets.US_ASCII))
        .isEqualTo(Base64.getEncoder().encodeToString(PNG));
  }

  @Test
  void convertToTextHandsTheTemplateTheBinaryPayloadAsBase64() throws Exception {
    HttpResponse<byte[]> response = post("/to-text", "image/png", PNG, "application/json");

    String base64 = Base64.getEncoder().encodeToString(PNG);
    assertThat(new String(backend.next().body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"image\": \"" + base64 + "\"}");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"received\": \"" + base64 + "\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void convertToBinaryDecodesATextPayloadAndConvertToTextLeavesATextAnswerAlone() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(PNG);
    HttpResponse<byte[]> response = post("/to-binary", "text/plain", base64.getBytes(StandardCharsets.UTF_8),
        "application/json");

    assertThat(backend.next().body()).isEqualTo(PNG);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(PNG);
  }

  @Test
  void aTextAnswerConvertedToBinaryIsBase64Decoded() throws Exception {
    HttpResponse<byte[]> response = post("/decode-answer", "text/plain",
        Base64.getEncoder().encode("hello".getBytes(StandardCharsets.UTF_8)), "text/plain");

    backend.next();
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void textThatIsNotBase64CannotBeConvertedToBinary() throws Exception {
    HttpResponse<byte[]> response = post("/to-binary", "text/plain",
        "not base64 at all!".getBytes(StandardCharsets.UTF_8), "application/json");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"Internal server error\"}");
    backend.expectNoMoreRequests();
  }
}
