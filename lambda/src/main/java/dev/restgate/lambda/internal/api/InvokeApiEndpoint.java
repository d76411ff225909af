package dev.restgate.lambda.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.restgate.http.Body;
import dev.restgate.http.GatewayRequest;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.http.PayloadTooLargeException;
import dev.restgate.lambda.internal.FunctionReference;
import dev.restgate.lambda.internal.async.AsyncInvocations;
import dev.restgate.lambda.internal.local.Execution;
import dev.restgate.lambda.internal.local.InvocationRequest;
import dev.restgate.lambda.internal.local.LocalClientContext;
import dev.restgate.lambda.internal.local.LocalFunction;
import dev.restgate.lambda.internal.local.LocalFunctions;
import dev.restgate.spi.CallRefusal;
import dev.restgate.spi.LambdaInvokeException;
import dev.restgate.spi.LambdaInvokeException.Reason;
import dev.restgate.spi.ServiceCall;
import dev.restgate.spi.ServiceEndpoint;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) for the local functions,
 * so the AWS SDKs and CLI can invoke them with an endpoint override. The function is named by name, partial ARN or
 * full ARN (percent-encoded in the path), with an optional {@code :qualifier} or {@code Qualifier} query parameter;
 * {@code X-Amz-Invocation-Type} is {@code RequestResponse} (the default), {@code Event} or {@code DryRun}, and
 * {@code X-Amz-Log-Type: Tail} returns the end of the log in {@code X-Amz-Log-Result}. The qualifier selects the
 * version that runs ({@code X-Amz-Executed-Version}); one the function lacks is not found, as the function is. Each
 * call must be SigV4-signed (service {@code lambda}) by an identity allowed {@code lambda:InvokeFunction} on the
 * function's ARN, unless the endpoint was built for local development without that check.
 *
 * <p>{@code POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations} ({@code
 * InvokeWithResponseStream}) takes the same parameters ({@code RequestResponse} or {@code DryRun}) and answers in
 * Lambda's event-stream format ({@link EventStreamBody}): the function's writes reach the caller as they happen.
 * Thread-safe.
 */
public final class InvokeApiEndpoint implements ServiceEndpoint {
  static final String PREFIX = "/2015-03-31/functions/";
  private static final String SUFFIX = "/invocations";
  static final String STREAM_PREFIX = "/2021-11-15/functions/";
  private static final String STREAM_SUFFIX = "/response-streaming-invocations";
  /** The largest synchronous event AWS accepts. */
  static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
  /** The largest asynchronous event AWS accepts. */
  static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;
  private static final String QUALIFIER_PATTERN = "(|[a-zA-Z0-9$_-]+)";
  private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");
  private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectReader STRICT_JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Logger LOG = LoggerFactory.getLogger(InvokeApiEndpoint.class);

  private final LocalFunctions functions;
  private final AsyncInvocations asyncInvocations;
  private final String region;
  private final String accountId;
  private final boolean signed;

  /**
   * @param async the queue {@code Event} invocations go to
   * @param region the region of the local functions (their ARNs, and the only region they are reachable from)
   * @param accountId the account of the local functions
   * @param signed whether calls must be signed by an identity allowed to invoke the function; false only for local
   *     development
   */
  public InvokeApiEndpoint(LocalFunctions functions, AsyncInvocations async, String region, String accountId,
      boolean signed) {
    this.functions = functions;
    this.asyncInvocations = async;
    this.region = region;
    this.accountId = accountId;
    this.signed = signed;
  }

  @Override
  public boolean matches(GatewayRequest request) {
    return request.rawPath().startsWith(PREFIX) || request.rawPath().startsWith(STREAM_PREFIX);
  }

  @Override
  public GatewayResponse handle(ServiceCall call) throws IOException {
    GatewayRequest request = call.request();
    String requestId = call.requestId();
    String path = request.rawPath();
    boolean streaming = path.startsWith(STREAM_PREFIX);
    String prefix = streaming ? STREAM_PREFIX : PREFIX;
    String suffix = streaming ? STREAM_SUFFIX : SUFFIX;
    String rawName = path.endsWith(suffix) && path.length() > prefix.length() + suffix.length()
        ? path.substring(prefix.length(), path.length() - suffix.length()) : "";
    if (!"POST".equals(request.method()) || rawName.isEmpty() || rawName.indexOf('/') >= 0) {
      return LambdaApiErrors.unknownOperation();
    }
    String invocationType = header(request, "X-Amz-Invocation-Type", "RequestResponse");
    if (streaming && !invocationType.equals("RequestResponse") && !invocationType.equals("DryRun")) {
      return LambdaApiErrors.validation("invocationType", invocationType,
          "Member must satisfy enum value set: [RequestResponse, DryRun]");
    }
    if (!invocationType.equals("RequestResponse") && !invocationType.equals("Event")
        && !invocationType.equals("DryRun")) {
      return LambdaApiErrors.validation("invocationType", invocationType,
          "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
    }
    String logType = header(request, "X-Amz-Log-Type", "None");
    if (!logType.equals("None") && !logType.equals("Tail")) {
      return LambdaApiErrors.validation("logType", logType, "Member must satisfy enum value set: [None, Tail]");
    }
    String name = decode(rawName);
    Optional<FunctionReference> parsed = FunctionReference.parse(name);
    if (parsed.isEmpty()) {
      return LambdaApiErrors.validation("functionName", name, name.length() > FunctionReference.MAX_LENGTH
          ? "Member must have length less than or equal to " + FunctionReference.MAX_LENGTH
          : "Member must satisfy regular expression pattern: " + FunctionReference.AWS_PATTERN);
    }
    FunctionReference reference = parsed.get();
    String parameter = request.query().containsKey("Qualifier") ? request.query().get("Qualifier").get(0) : null;
    if (parameter != null && !QUALIFIER.matcher(parameter).matches()) {
      return LambdaApiErrors.validation("qualifier", parameter,
          "Member must satisfy regular expression pattern: " + QUALIFIER_PATTERN);
    }
    if (parameter != null && reference.qualifier() != null && !parameter.equals(reference.qualifier())) {
      return LambdaApiErrors.invalidParameterValue(
          "The derived qualifier from the function name does not match the specified qualifier.");
    }
    String qualifier = parameter == null ? reference.qualifier() : parameter;
    String account = reference.accountId() == null ? accountId : reference.accountId();
    if (signed) {
      Optional<CallRefusal> refusal = call.authorize("lambda", "lambda:InvokeFunction",
          FunctionReference.arn(reference.region() == null ? region : reference.region(), account, reference.name(),
              qualifier));
      if (refusal.isPresent()) {
        return LambdaApiErrors.refused(refusal.get());
      }
    }
    if (reference.region() != null && !reference.region().equals(region)) {
      return LambdaApiErrors.resourceNotFound(
          "Functions from '" + reference.region() + "' are not reachable in this region ('" + region + "')");
    }
    Optional<LocalFunction> function = functions.find(reference.name()).flatMap(f -> f.select(qualifier));
    if (function.isEmpty()) {
      return LambdaApiErrors.resourceNotFound(
          "Function not found: " + FunctionReference.arn(region, account, reference.name(), qualifier));
    }
    return invoke(function.get(), request, requestId, invocationType, logType.equals("Tail"), qualifier, streaming);
  }

  private GatewayResponse invoke(LocalFunction function, GatewayRequest request, String requestId,
      String invocationType, boolean tail, String qualifier, boolean streaming) {
    boolean async = invocationType.equals("Event");
    int limit = async ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    byte[] payload;
    try {
      payload = request.bodyBytes();
    } catch (PayloadTooLargeException e) {
      return LambdaApiErrors.requestTooLarge(limit);
    } catch (IOException e) {
      LOG.debug("Could not read an Invoke request body", e);
      return LambdaApiErrors.invalidRequestContent("Could not read the request body");
    }
    if (payload.length > limit) {
      return LambdaApiErrors.requestTooLarge(limit);
    }
    if (new String(payload, StandardCharsets.UTF_8).isBlank()) {
      payload = EMPTY_EVENT;
    }
    try {
      STRICT_JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      return LambdaApiErrors.invalidRequestContent("Could not parse request body into json: "
          + "Could not parse payload into json: " + e.getOriginalMessage());
    } catch (IOException e) {
      return LambdaApiErrors.invalidRequestContent("Could not parse request body into json: " + e.getMessage());
    }
    LocalClientContext clientContext = null;
    String encodedContext = request.headers().first("X-Amz-Client-Context");
    if (encodedContext != null) {
      try {
        clientContext = LocalClientContext.decode(encodedContext);
      } catch (IllegalArgumentException e) {
        return LambdaApiErrors.invalidParameterValue("Client context must be a valid Base64-encoded JSON object.");
      }
    }
    if (invocationType.equals("DryRun")) {
      return withRequestId(new GatewayResponse(204, new Headers(2), Body.empty()), requestId);
    }
    InvocationRequest invocation = new InvocationRequest(requestId, qualifier, payload, clientContext);
    if (async) {
      try {
        asyncInvocations.enqueue(function.name(), invocation);
      } catch (LambdaInvokeException e) {
        LOG.error("Queueing an event for {} failed", function.name(), e);
        return LambdaApiErrors.serviceError();
      }
      return withRequestId(new GatewayResponse(202, new Headers(2), Body.empty()), requestId);
    }
    Execution execution;
    try {
      execution = function.invoke(invocation, null, streaming);
    } catch (LambdaInvokeException e) {
      if (e.reason() == Reason.THROTTLED) {
        return LambdaApiErrors.tooManyRequests();
      }
      LOG.warn("Invoking {} failed", function.name(), e);
      return LambdaApiErrors.serviceError();
    }
    if (streaming) {
      Headers headers = new Headers(4);
      headers.add("Content-Type", "application/vnd.amazon.eventstream");
      headers.add("X-Amz-Executed-Version", function.version());
      return withRequestId(new GatewayResponse(200, headers, new EventStreamBody(execution, tail)), requestId);
    }
    Headers headers = new Headers(8);
    headers.add("Content-Type", "application/json");
    headers.add("X-Amz-Executed-Version", function.version());
    if (execution.functionError() != null) {
      headers.add("X-Amz-Function-Error", execution.functionError());
    }
    if (tail) {
      headers.add("X-Amz-Log-Result", execution.logResult());
    }
    return withRequestId(new GatewayResponse(200, headers, Body.of(execution.payload())), requestId);
  }

  private static GatewayResponse withRequestId(GatewayResponse response, String requestId) {
    response.headers().set("x-amzn-RequestId", requestId);
    return response;
  }

  private static String header(GatewayRequest request, String name, String absent) {
    String value = request.headers().first(name);
    return value == null ? absent : value;
  }

  /** Percent-decodes a path segment; {@code +} stays a plus sign, as in any URL path. */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
