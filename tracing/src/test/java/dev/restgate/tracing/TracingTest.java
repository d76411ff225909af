package dev.restgate.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restgate.config.ConfigLoader;
import dev.restgate.testing.EmbeddedGateway;
import dev.restgate.testing.Http;
import dev.restgate.testing.RecordingBackend;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests through a real gateway whose {@code tracing} section points at an in-process OTLP/HTTP receiver: the
 * spans of each request with their parent links and attributes, the {@code traceparent} its backend sees, and no
 * spans for a stage without {@code tracingEnabled}.
 */
class TracingTest {
  private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CLIENT_SPAN = "b7ad6b7169203331";

  private static RecordingBackend backend;
  private static OtlpReceiver receiver;
  private static EmbeddedGateway gateway;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    backend = new RecordingBackend();
    receiver = new OtlpReceiver();
    gateway = start(dir, backend, """
        tracing:
          endpoint: %s
          serviceName: edge-gateway
          headers: {Authorization: Bearer collector-token}
        """.formatted(receiver.endpoint()));
  }

  static EmbeddedGateway start(Path dir, RecordingBackend backend, String tracingSection) throws Exception {
    Files.writeString(dir.resolve("shop.yaml"), """
        openapi: 3.0.1
        info: {title: shop, version: "1"}
        components:
          securitySchemes:
            token:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: token
                authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:gatekeeper/invocations
                authorizerResultTtlInSeconds: 0
        paths:
          /items/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: "%1$s/items/{id}"
                requestParameters: {integration.request.path.id: method.request.path.id}
          /secure:
            get:
              security: [{token: []}]
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "%1$s/secure"}
          /mapped:
            get:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: http
                httpMethod: GET
                uri: "%1$s/mapped"
                responses: {default: {statusCode: "200"}}
          /broken:
            get:
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "http://127.0.0.1:9/x"}
        """.formatted(backend.url()));
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        restApis:
          - id: shopapi001
            body: shop.yaml
            stages:
              - stageName: prod
                tracingEnabled: true
              - stageName: beta
        """ + tracingSection);
    return EmbeddedGateway.start(ConfigLoader.standard(TracingTest.class.getClassLoader()).load(config),
        dir.resolve("data"), TracingTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    receiver.close();
    backend.close();
  }

  private static HttpResponse<String> get(String stage, String path, String... headers) throws Exception {
    return Http.get(gateway.userRequest("shopapi001", stage, path), headers);
  }

  private static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
  }

  /** The spans of the request {@code requestId}, once its server span and {@code count} spans in all arrived. */
  private static List<OtlpReceiver.Received> spansOf(String requestId, int count) throws Exception {
    GatewayTracer tracer = gateway.gateway().service(GatewayTracer.class).orElseThrow();
    List<OtlpReceiver.Received> all = receiver.await(tracer::flush, spans -> {
      Optional<OtlpReceiver.Received> server = server(spans, requestId);
      return server.isPresent() && family(spans, server.get()).size() == count;
    });
    return family(all, server(all, requestId).orElseThrow());
  }

  private static Optional<OtlpReceiver.Received> server(List<OtlpReceiver.Received> spans, String requestId) {
    return spans.stream().filter(s -> requestId.equals(s.attribute("aws.request_id"))).findFirst();
  }

  /** The server span first, then its children. */
  private static List<OtlpReceiver.Received> family(List<OtlpReceiver.Received> spans,
      OtlpReceiver.Received server) {
    return spans.stream()
        .filter(s -> s == server || s.traceId().equals(server.traceId()) && s.parentSpanId().equals(server.spanId()))
        .sorted((a, b) -> a == server ? -1 : b == server ? 1 : 0)
        .toList();
  }

  /**
   * A {@code traceparent} naming {@code server} as the parent, sampled; the SDK may set the level-2 random flag
   * (flags {@code 03}).
   */
  private static Consumer<String> sampledChildOf(OtlpReceiver.Received server) {
    return traceparent -> {
      assertThat(traceparent).startsWith("00-" + server.traceId() + "-" + server.spanId() + "-").hasSize(55);
      assertThat(Integer.parseInt(traceparent.substring(53), 16) & 1).as("sampled").isEqualTo(1);
    };
  }

  @Test
  void aRequestIsAServerSpanWithItsIntegrationAsChild() throws Exception {
    HttpResponse<String> response = get("prod", "/items/42");
    assertThat(response.statusCode()).isEqualTo(200);
    RecordingBackend.Received atBackend = backend.next();

    List<OtlpReceiver.Received> spans = spansOf(requestId(response), 2);
    OtlpReceiver.Received server = spans.get(0);
    assertThat(server.name()).isEqualTo("GET /items/{id}");
    assertThat(server.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(server.span().getParentSpanId().isEmpty()).as("a new trace: no parent").isTrue();
    assertThat(server.attribute("http.request.method")).isEqualTo("GET");
    assertThat(server.attribute("url.path")).isEqualTo("/restapis/shopapi001/prod/_user_request_/items/42");
    assertThat(server.attribute("http.route")).isEqualTo("/items/{id}");
    assertThat(server.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(server.attribute("aws.api_gateway.api_id")).isEqualTo("shopapi001");
    assertThat(server.attribute("aws.api_gateway.stage")).isEqualTo("prod");
    assertThat(server.resourceAttribute("service.name")).isEqualTo("edge-gateway");

    OtlpReceiver.Received integration = spans.get(1);
    assertThat(integration.name()).isEqualTo("integration HTTP_PROXY");
    assertThat(integration.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(integration.parentSpanId()).isEqualTo(server.spanId());
    assertThat(integration.attribute("http.response.status_code")).isEqualTo("200");
    assertThat(integration.attribute("aws.api_gateway.integration.type")).isEqualTo("HTTP_PROXY");
    assertThat(integration.span().getStartTimeUnixNano()).isBetween(server.span().getStartTimeUnixNano(),
        integration.span().getEndTimeUnixNano());
    assertThat(integration.span().getEndTimeUnixNano()).isLessThanOrEqualTo(server.span().getEndTimeUnixNano());

    assertThat(atBackend.header("traceparent")).satisfies(sampledChildOf(server));
    assertThat(atBackend.header("X-Amzn-Trace-Id")).as("one trace, in X-Ray's form")
        .startsWith("Root=1-" + server.traceId().substring(0, 8) + "-" + server.traceId().substring(8) + ";");
    assertThat(receiver.authorizations()).as("the section's headers go with every export")
        .containsOnly("Bearer collector-token");
  }

  @Test
  void theClientsTraceparentIsTheServerSpansParent() throws Exception {
    HttpResponse<String> response = get("prod", "/items/7",
        "traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01", "tracestate", "vendor=abc");
    assertThat(response.statusCode()).isEqualTo(200);
    RecordingBackend.Received atBackend = backend.next();

    OtlpReceiver.Received server = spansOf(requestId(response), 2).get(0);
    assertThat(server.traceId()).isEqualTo(CLIENT_TRACE);
    assertThat(server.parentSpanId()).isEqualTo(CLIENT_SPAN);
    assertThat(atBackend.header("traceparent")).as("the backend's parent is the gateway's span, not the client's")
        .isEqualTo("00-" + CLIENT_TRACE + "-" + server.spanId() + "-01");
  }

  @Test
  void aLambdaAuthorizerHasASpanOfItsOwn() throws Exception {
    HttpResponse<String> response = get("prod", "/secure", "Authorization", "allow-ada");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    backend.next();

    List<OtlpReceiver.Received> spans = spansOf(requestId(response), 3);
    OtlpReceiver.Received authorizer = spans.stream().filter(s -> s.name().startsWith("authorizer ")).findFirst()
        .orElseThrow();
    assertThat(authorizer.name()).isEqualTo("authorizer token");
    assertThat(authorizer.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(authorizer.attribute("aws.api_gateway.authorizer.type")).isEqualTo("TOKEN");
    assertThat(authorizer.attribute("faas.invoked_name")).endsWith("gatekeeper");
    assertThat(spans).extracting(OtlpReceiver.Received::name)
        .containsExactlyInAnyOrder("GET /secure", "authorizer token", "integration HTTP_PROXY");
  }

  @Test
  void httpNonProxyIntegrationsSendTraceparentToo() throws Exception {
    HttpResponse<String> response = get("prod", "/mapped");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    RecordingBackend.Received atBackend = backend.next();

    OtlpReceiver.Received server = spansOf(requestId(response), 2).get(0);
    assertThat(atBackend.header("traceparent")).satisfies(sampledChildOf(server));
  }

  @Test
  void aFailedIntegrationIsAnErrorSpan() throws Exception {
    HttpResponse<String> response = get("prod", "/broken");
    assertThat(response.statusCode()).isEqualTo(504);

    List<OtlpReceiver.Received> spans = spansOf(requestId(response), 2);
    assertThat(spans.get(0).attribute("http.response.status_code")).isEqualTo("504");
    assertThat(spans.get(0).span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(spans.get(1).span().getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(spans.get(1).attribute("error.type")).isIn("INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT");
    assertThat(spans.get(1).attribute("http.response.status_code")).isNull();
  }

  @Test
  void aStageWithoutTracingEnabledMakesNoSpans() throws Exception {
    HttpResponse<String> untraced = get("beta", "/items/1");
    assertThat(untraced.statusCode()).isEqualTo(200);
    RecordingBackend.Received atBackend = backend.next();
    assertThat(atBackend.header("traceparent")).isNull();
    // A traced request after it: once its spans arrived, any of the first would have too.
    HttpResponse<String> traced = get("prod", "/items/2");
    backend.next();
    spansOf(requestId(traced), 2);

    assertThat(receiver.spans()).noneMatch(s -> "beta".equals(s.attribute("aws.api_gateway.stage")));
    assertThat(server(receiver.spans(), requestId(untraced))).isEmpty();
  }
}
