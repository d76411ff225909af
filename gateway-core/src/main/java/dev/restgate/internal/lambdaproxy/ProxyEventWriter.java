package dev.restgate.internal.lambdaproxy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.restgate.http.GatewayRequest;

import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.spi.ContextVariables;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RequestIdentity;
import dev.restgate.spi.RouteMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the Lambda proxy event (payload format 1.0) for a routed request, field for field as API Gateway sends it
 * from a regional endpoint: {@code resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters,
 * multiValueQueryStringParameters, pathParameters, stageVariables, requestContext, body, isBase64Encoded}.
 *
 * <p>Maps that are empty are written as {@code null} (no query, no path parameters, no stage variables), as AWS does.
 * {@code multiValueHeaders} carries every value of a repeated header and {@code headers} the last one, the rule AWS
 * is recorded to apply to repeated query parameters (for headers it is not on record either way). The body is the
 * UTF-8 text of the request, or its base64 with {@code isBase64Encoded: true} when the request's
 * {@code Content-Type} is one of the API's binary media types. {@code requestContext} holds the
 * keys AWS always sends plus {@code authorizer} when an authorizer ran, {@code identity.apiKey}/{@code apiKeyId}
 * when an API key authorized the request and {@code operationName} when the method has one; it does not carry
 * {@code isCanaryRequest}, which AWS is not known to put into proxy events.
 *
 * <p>Built once per integration; thread-safe.
 */
public final class ProxyEventWriter {

  private final BinaryMediaTypes binaryMediaTypes;

  /** @param binaryMediaTypes the API's binary media types */
  public ProxyEventWriter(BinaryMediaTypes binaryMediaTypes) {
    this.binaryMediaTypes = Objects.requireNonNull(binaryMediaTypes);
  }

  /**
   * The event for {@code exchange} as UTF-8 JSON. Reads the whole request body.
   *
   * @param exchange a routed exchange ({@link Exchange#route()} set)
   * @param traceId the {@code X-Amzn-Trace-Id} value the event carries (and the response will), see
   *     {@link dev.restgate.internal.context.TraceIds}
   * @throws IOException when the request body cannot be read, {@link dev.restgate.http.PayloadTooLargeException}
   *     past the payload limit
   */
  public byte[] write(Exchange exchange, String traceId) throws IOException {
    GatewayRequest request = exchange.request();
    byte[] body = request.bodyBytes();
    boolean binary = body.length > 0 && binaryMediaTypes.matches(request.headers().first("Content-Type"));
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4 / 3 + 4096);
    try (JsonGenerator g = ProxyJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      writeRequest(g, exchange, traceId);
      g.writeFieldName("body");
      if (body.length == 0) {
        g.writeNull();
      } else if (binary) {
        g.writeBinary(body);
      } else {
        g.writeString(new String(body, StandardCharsets.UTF_8));
      }
      g.writeBooleanField("isBase64Encoded", binary);
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * The event of a {@code REQUEST} Lambda authorizer for {@code exchange}: {@code type} and {@code methodArn}, then
   * the proxy event without {@code body} and {@code isBase64Encoded}. Does not read the request body.
   *
   * @param exchange a routed exchange
   * @param methodArn the ARN of the method called
   * @param traceId the {@code X-Amzn-Trace-Id} value of the request
   */
  public static byte[] writeRequestAuthorizerEvent(Exchange exchange, String methodArn, String traceId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator g = ProxyJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "REQUEST");
      g.writeStringField("methodArn", methodArn);
      writeRequest(g, exchange, traceId);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void writeRequest(JsonGenerator g, Exchange exchange, String traceId) throws IOException {
    RouteMatch route = Objects.requireNonNull(exchange.route(), "the exchange has not been routed");
    GatewayRequest request = exchange.request();
    g.writeStringField("resource", route.resource().path());
    g.writeStringField("path", route.path());
    g.writeStringField("httpMethod", request.method());
    EventHeaders headers = EventHeaders.of(request, exchange.identity().sourceIp(), traceId);
    headers.writeSingleValued(g);
    headers.writeMultiValued(g);
    writeQuery(g, request.query());
    writeStringMap(g, "pathParameters", route.pathParameters());
    writeStringMap(g, "stageVariables", route.stageVariables());
    writeRequestContext(g, exchange, route);
  }

  private static void writeQuery(JsonGenerator g, Map<String, List<String>> query) throws IOException {
    if (query.isEmpty()) {
      g.writeNullField("queryStringParameters");
      g.writeNullField("multiValueQueryStringParameters");
      return;
    }
    g.writeObjectFieldStart("queryStringParameters");
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      List<String> values = parameter.getValue();
      g.writeStringField(parameter.getKey(), values.get(values.size() - 1));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("multiValueQueryStringParameters");
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      g.writeArrayFieldStart(parameter.getKey());
      for (String value : parameter.getValue()) {
        g.writeString(value);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeStringMap(JsonGenerator g, String field, Map<String, String> values) throws IOException {
    if (values == null || values.isEmpty()) {
      g.writeNullField(field);
      return;
    }
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      g.writeStringField(entry.getKey(), entry.getValue());
    }
    g.writeEndObject();
  }

  private static void writeRequestContext(JsonGenerator g, Exchange exchange, RouteMatch route) throws IOException {
    g.writeObjectFieldStart("requestContext");
    g.writeStringField("accountId", route.accountId());
    g.writeStringField("apiId", route.api().id());
    if (exchange.authorizer() != null) {
      writeAuthorizer(g, exchange.authorizer());
    }
    g.writeStringField("deploymentId", route.deploymentId());
    g.writeStringField("domainName", route.domainName());
    g.writeStringField("domainPrefix", route.domainPrefix());
    g.writeStringField("extendedRequestId", exchange.extendedRequestId());
    g.writeStringField("httpMethod", exchange.request().method());
    writeIdentity(g, exchange.identity());
    if (route.method().operationName() != null) {
      g.writeStringField("operationName", route.method().operationName());
    }
    g.writeStringField("path", route.contextPath());
    g.writeStringField("protocol", "HTTP/1.1");
    g.writeStringField("requestId", exchange.requestId());
    g.writeStringField("requestTime", ContextVariables.REQUEST_TIME.format(exchange.requestTime()));
    g.writeNumberField("requestTimeEpoch", exchange.requestTime().toEpochMilli());
    g.writeStringField("resourceId", route.resource().id());
    g.writeStringField("resourcePath", route.resource().path());
    g.writeStringField("stage", route.stage().stageName());
    g.writeEndObject();
  }

  private static void writeIdentity(JsonGenerator g, RequestIdentity identity) throws IOException {
    g.writeObjectFieldStart("identity");
    g.writeStringField("accessKey", identity.accessKey());
    g.writeStringField("accountId", identity.accountId());
    if (identity.apiKey() != null) {
      g.writeStringField("apiKey", identity.apiKey());
      g.writeStringField("apiKeyId", identity.apiKeyId());
    }
    g.writeStringField("caller", identity.caller());
    g.writeStringField("cognitoAuthenticationProvider", identity.cognitoAuthenticationProvider());
    g.writeStringField("cognitoAuthenticationType", identity.cognitoAuthenticationType());
    g.writeStringField("cognitoIdentityId", identity.cognitoIdentityId());
    g.writeStringField("cognitoIdentityPoolId", identity.cognitoIdentityPoolId());
    g.writeStringField("principalOrgId", identity.principalOrgId());
    g.writeStringField("sourceIp", identity.sourceIp());
    g.writeStringField("user", identity.user());
    g.writeStringField("userAgent", identity.userAgent());
    g.writeStringField("userArn", identity.userArn());
    g.writeEndObject();
  }

  /** Cognito claims under {@code claims}; a Lambda authorizer's principal, latency and context keys at top level. */
  private static void writeAuthorizer(JsonGenerator g, AuthorizerContext authorizer) throws IOException {
    g.writeObjectFieldStart("authorizer");
    if (!authorizer.claims().isEmpty()) {
      writeStringMap(g, "claims", authorizer.claims());
    }
    if (authorizer.principalId() != null) {
      g.writeStringField("principalId", authorizer.principalId());
    }
    if (authorizer.integrationLatency() != null) {
      g.writeNumberField("integrationLatency", authorizer.integrationLatency());
    }
    for (Map.Entry<String, String> entry : authorizer.context().entrySet()) {
      g.writeStringField(entry.getKey(), entry.getValue());
    }
    g.writeEndObject();
  }
}
