package dev.restgate.testing;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.Headers;
import dev.restgate.model.Method;
import dev.restgate.model.Resource;
import dev.restgate.model.RestApi;
import dev.restgate.model.Stage;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.RouteMatch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Routed exchanges as the router would hand them over, with the fixed ids and time the golden events use: API
 * {@code te6si5ach7} on its execute-api host, stage {@code test}, deployment {@code d1x2y3}, resource {@code
 * /{proxy+}}, caller {@code 203.0.113.7} over HTTPS on port 443.
 */
public final class TestExchanges {
  public static final String ACCOUNT_ID = "111111111111";
  public static final String TRACE_ID = "Root=1-552671f0-3c1a8f0e7b2d4c6e9f8a0b1c";
  public static final Instant REQUEST_TIME = Instant.parse("2015-04-09T12:34:56Z");
  public static final String HOST = "te6si5ach7.execute-api.us-east-1.amazonaws.com";

  private String method = "GET";
  private String path = "/proxy-value";
  private String contextPath = "/test/proxy-value";
  private String rawQuery;
  private final Headers headers = new Headers();
  private byte[] body = new byte[0];
  private String resourceId = "rsrc01";
  private String resourcePath = "/{proxy+}";
  private Map<String, String> pathParameters = Map.of("proxy", "proxy-value");
  private Map<String, String> stageVariables = Map.of();
  private Boolean canary;
  private String operationName;
  private String domainName = HOST;
  private String domainPrefix = "te6si5ach7";
  private Instant requestTime = REQUEST_TIME;

  private TestExchanges() {}

  /** A GET from python-requests, the client of the AWS-validated LocalStack cases. */
  public static TestExchanges request() {
    return requestWithoutHeaders().header("Host", HOST)
        .header("User-Agent", "python-requests/testing")
        .header("Accept-Encoding", "gzip, deflate")
        .header("Accept", "*/*")
        .header("Connection", "keep-alive");
  }

  /** A GET of {@code /test/proxy-value} without a single header field. */
  public static TestExchanges requestWithoutHeaders() {
    return new TestExchanges();
  }

  public TestExchanges method(String value) {
    method = value;
    return this;
  }

  /** The path below the stage ({@code event.path}) and the path the client sent ({@code requestContext.path}). */
  public TestExchanges path(String eventPath, String sentPath) {
    path = eventPath;
    contextPath = sentPath;
    return this;
  }

  public TestExchanges query(String value) {
    rawQuery = value;
    return this;
  }

  public TestExchanges header(String name, String value) {
    headers.add(name, value);
    return this;
  }

  public TestExchanges body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  public TestExchanges body(byte[] bytes) {
    body = bytes;
    return this;
  }

  public TestExchanges resource(String id, String template, Map<String, String> parameters) {
    resourceId = id;
    resourcePath = template;
    pathParameters = parameters;
    return this;
  }

  public TestExchanges stageVariables(Map<String, String> values, Boolean canaryRequest) {
    stageVariables = values;
    canary = canaryRequest;
    return this;
  }

  public TestExchanges operationName(String value) {
    operationName = value;
    return this;
  }

  public TestExchanges domain(String name, String prefix) {
    domainName = name;
    domainPrefix = prefix;
    return this;
  }

  public TestExchanges at(Instant time) {
    requestTime = time;
    return this;
  }

  public Exchange build() {
    if (body.length > 0 && !headers.contains("Content-Length") && !headers.contains("Transfer-Encoding")) {
      // As an HTTP/1.1 client frames a body; the event leaves Content-Length out either way.
      headers.add("Content-Length", Integer.toString(body.length));
    }
    GatewayRequest request = new GatewayRequest(method, contextPath, rawQuery, headers, "HTTP/1.1", "https",
        "203.0.113.7", 443, new ByteArrayInputStream(body));
    Exchange exchange = new Exchange(request, "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "LiaEkHIfoAMFnMQ=",
        requestTime);
    Method apiMethod = new Method("ANY", "NONE", null, false, null, operationName, null, null, null, null, null, null);
    Resource resource = new Resource(resourceId, "root01", null, resourcePath, Map.of("ANY", apiMethod));
    RestApi api = new RestApi("te6si5ach7", "golden", null, null, List.of(), null, null, null, null, null, null, null,
        List.of(resource), null, null, null, null, null, null);
    Stage stage = new Stage("test", "d1x2y3", null, stageVariables, null, null, null, null, null, null, null);
    exchange.route(new RouteMatch(ACCOUNT_ID, api, stage, "d1x2y3", resource, apiMethod, pathParameters,
        stageVariables, canary, path, path, contextPath, domainName, domainPrefix));
    return exchange;
  }
}
