package dev.restgate.internal.lambdaproxy;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a function's answer into the client's response, validating it as API Gateway validates a Lambda proxy
 * response (payload format 1.0).
 *
 * <p>A function error, or an answer that is not a valid proxy response (not a JSON object, an unknown top-level key,
 * a {@code statusCode} that is not an integer in 100..599, {@code headers} that is not an object, a {@code
 * multiValueHeaders} entry that is not a list, a body that is an object or array, trailing content), fails with
 * {@code INTEGRATION_FAILURE} under status 502 and message {@code Internal server error}: the status and the {@code
 * InternalServerErrorException} error type AWS answers with. A {@code statusCode} string such as {@code "201"} is
 * accepted; a missing one means 200.
 *
 * <p>An {@code isBase64Encoded} body is decoded only when the first media type of the request's {@code Accept}
 * header is one of the API's binary media types; otherwise the client receives the base64 text itself. Base64 that
 * cannot be decoded fails with {@code API_CONFIGURATION_ERROR} (500). The response carries the request's trace id
 * as {@code X-Amzn-Trace-Id}.
 *
 * <p>Built once per integration; thread-safe.
 */
public final class ProxyResponseReader {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyResponseReader.class);
  private static final String INTERNAL_SERVER_ERROR = "Internal server error";

  private final BinaryMediaTypes binaryMediaTypes;

  /** @param binaryMediaTypes the API's binary media types */
  public ProxyResponseReader(BinaryMediaTypes binaryMediaTypes) {
    this.binaryMediaTypes = Objects.requireNonNull(binaryMediaTypes);
  }

  /**
   * The response for the function's {@code result}.
   *
   * @param request the client's request (its {@code Accept} header decides about binary bodies)
   * @param traceId the {@code X-Amzn-Trace-Id} value the event carried
   * @throws GatewayException {@code INTEGRATION_FAILURE} (502) for a function error or a malformed answer, {@code
   *     API_CONFIGURATION_ERROR} (500) for a body that claims to be base64 and is not
   */
  public GatewayResponse read(LambdaInvoker.Result result, GatewayRequest request, String traceId)
      throws GatewayException {
    if (result.functionError() != null) {
      LOG.debug("Lambda execution failed due to customer function error ({})", result.functionError());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE, INTERNAL_SERVER_ERROR, 502);
    }
    ProxyResponse response;
    Headers headers;
    try {
      response = ProxyResponseParser.parse(result.payload());
      headers = ResponseHeaders.of(response);
    } catch (MalformedProxyResponseException e) {
      LOG.warn("Execution failed due to configuration error: Malformed Lambda proxy response: {}", e.getMessage());
      throw new GatewayException(GatewayResponseType.INTEGRATION_FAILURE, INTERNAL_SERVER_ERROR, 502);
    }
    headers.set("X-Amzn-Trace-Id", traceId);
    return new GatewayResponse(response.statusCode(), headers, body(response, request));
  }

  private Body body(ProxyResponse response, GatewayRequest request) throws GatewayException {
    String text = response.body();
    if (text == null || text.isEmpty()) {
      return Body.empty();
    }
    if (response.base64Encoded() && binaryMediaTypes.matches(request.headers().first("Accept"))) {
      try {
        return Body.of(Base64.getDecoder().decode(withoutLineBreaks(text)));
      } catch (IllegalArgumentException e) {
        LOG.warn("Execution failed due to configuration error: Unable to base64 decode the body");
        throw new GatewayException(GatewayResponseType.API_CONFIGURATION_ERROR);
      }
    }
    return Body.of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Encoders that wrap lines (Python's {@code encodebytes}, MIME) produce base64 the gateway still accepts. */
  private static String withoutLineBreaks(String base64) {
    return base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0 ? base64 : base64.replaceAll("[\r\n]", "");
  }
}
