package dev.restgate.spi;

import dev.restgate.http.GatewayRequest;
import dev.restgate.http.PayloadTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one request on its way through the gateway: the request, the ids AWS hands out per request, where
 * routing sent it, who the caller is, and what plugins learned on the way.
 *
 * <p>One exchange belongs to one request and one thread at a time; it is not thread-safe. Plugins keep their
 * per-request state here, under a typed {@link Key}, never in fields of their own.
 */
public final class Exchange {
  private final GatewayRequest request;
  private final String requestId;
  private final String extendedRequestId;
  private final Instant requestTime;
  private RouteMatch route;
  private RequestIdentity identity;
  private AuthorizerContext authorizer;
  private ApiKeyInUse apiKey;
  private EndpointRequest endpointRequest;
  private EndpointResponse endpointResponse;
  private GatewayException error;
  private long integrationStartedNanos;
  private long integrationLatencyNanos = -1;
  private int integrationStatus;
  private Boolean cacheHit;
  private AuthorizerCall authorizerCall;
  private RateLimit refusedBy;
  private String traceparent;
  private Object requestJson;
  private Map<Key<?>, Object> attributes;

  public Exchange(GatewayRequest request, String requestId, String extendedRequestId, Instant requestTime) {
    this.request = request;
    this.requestId = requestId;
    this.extendedRequestId = extendedRequestId;
    this.requestTime = requestTime;
    this.identity = RequestIdentity.anonymous(request.sourceIp(), request.headers().first("User-Agent"));
  }

  public GatewayRequest request() {
    return request;
  }

  /** {@code $context.requestId}, also sent as {@code x-amzn-RequestId}. */
  public String requestId() {
    return requestId;
  }

  /** {@code $context.extendedRequestId}, also sent as {@code x-amz-apigw-id}. */
  public String extendedRequestId() {
    return extendedRequestId;
  }

  public Instant requestTime() {
    return requestTime;
  }

  /** Where the request was routed; null before routing or when it matched no method. */
  public RouteMatch route() {
    return route;
  }

  /**
   * Set by the gateway once, when routing found the stage.
   *
   * @throws IllegalStateException when the route is already set
   */
  public void route(RouteMatch match) {
    if (route != null) {
      throw new IllegalStateException("the route of an exchange is set once");
    }
    this.route = Objects.requireNonNull(match);
  }

  /** {@code $context.identity}. */
  public RequestIdentity identity() {
    return identity;
  }

  /** Replaces the caller's identity (authorizers and the API key check do). */
  public void identity(RequestIdentity newIdentity) {
    this.identity = Objects.requireNonNull(newIdentity);
  }

  /** What the authorizer established ({@code $context.authorizer.*}); null when no authorizer ran. */
  public AuthorizerContext authorizer() {
    return authorizer;
  }

  /** Set by the AUTHORIZE phase. */
  public void authorizer(AuthorizerContext context) {
    this.authorizer = context;
  }

  /** The API key that admitted the request; null unless the method requires one and the API_KEY phase ran. */
  public ApiKeyInUse apiKey() {
    return apiKey;
  }

  /** Set by the API_KEY phase. */
  public void apiKey(ApiKeyInUse key) {
    this.apiKey = key;
  }

  /**
   * The request a non-proxy integration sends, as the MAPPING phase built it (parameter mappings, the rendered
   * request template); while a plugin has set none, the integration builds its own.
   */
  public EndpointRequest endpointRequest() {
    return endpointRequest;
  }

  public void endpointRequest(EndpointRequest request) {
    this.endpointRequest = request;
  }

  /**
   * What a non-proxy integration's backend answered, before integration responses turn it into the method response;
   * set by the integration, read by the MAPPING phase after {@code next} returns. Null until then.
   */
  public EndpointResponse endpointResponse() {
    return endpointResponse;
  }

  public void endpointResponse(EndpointResponse response) {
    this.endpointResponse = response;
  }

  /** The gateway error being rendered ({@code $context.error.*}), or null. */
  public GatewayException error() {
    return error;
  }

  /** Set by the gateway when it renders an error response. */
  public void error(GatewayException rendered) {
    this.error = rendered;
  }

  /**
   * How long the method's integration took, in nanoseconds: from the chain's call of the integration handler to its
   * return or failure ({@code $context.integrationLatency} in milliseconds). -1 when the request reached no
   * integration: a cache hit, a refusal by an earlier phase, a method that is not served. Read it after {@code next}
   * returned, as EDGE plugins do; recording it allocates nothing.
   */
  public long integrationLatencyNanos() {
    return integrationLatencyNanos;
  }

  /**
   * The status the integration answered ({@code $context.integration.status}): the backend's for {@code HTTP} and
   * {@code HTTP_PROXY}, the function's {@code statusCode} for {@code AWS_PROXY}, 200 for a Lambda non-proxy call
   * that returned, a {@code MOCK}'s rendered {@code statusCode}. 0 when the request reached no integration or the
   * integration failed (a timeout, a network error, a function's malformed answer).
   */
  public int integrationStatus() {
    return integrationStatus;
  }

  /**
   * When the chain called the integration, as a {@link System#nanoTime()} reading, for plugins that place the call
   * on a timeline of their own (tracing); meaningful only while {@link #integrationLatencyNanos()} is not -1.
   */
  public long integrationStartedNanos() {
    return integrationStartedNanos;
  }

  /**
   * Set by the gateway once the integration returned ({@code status} is what it answered) or failed ({@code status}
   * is 0).
   */
  public void integrationDone(long latencyNanos, int status) {
    this.integrationLatencyNanos = latencyNanos;
    this.integrationStatus = status;
  }

  /**
   * Set by the gateway once the integration returned or failed, with when it was called ({@link System#nanoTime()}).
   */
  public void integrationDone(long startedNanos, long latencyNanos, int status) {
    this.integrationStartedNanos = startedNanos;
    this.integrationLatencyNanos = latencyNanos;
    this.integrationStatus = status;
  }

  /**
   * The W3C {@code traceparent} value to send to the integration's backend
   * ({@code 00-{trace id, 32 hex}-{parent span id, 16 hex}-{flags, 2 hex}}), or null when the request is not traced.
   * While it is set, {@code HTTP_PROXY} and {@code HTTP} integrations send it (in place of one the client sent), and
   * the {@code X-Amzn-Trace-Id} the gateway sends names the same trace: its {@code Root} is the trace id split as
   * X-Ray writes it ({@code 1-{first 8 hex}-{last 24 hex}}).
   */
  public String traceparent() {
    return traceparent;
  }

  /**
   * Set by a tracing plugin before it calls {@code next}; null clears it.
   *
   * @throws IllegalArgumentException when {@code value} is not a version-00 {@code traceparent}
   */
  public void traceparent(String value) {
    if (value != null && !isTraceparent(value)) {
      throw new IllegalArgumentException("not a W3C traceparent: " + value);
    }
    this.traceparent = value;
  }

  private static boolean isTraceparent(String value) {
    if (value.length() != 55 || !value.startsWith("00-") || value.charAt(35) != '-' || value.charAt(52) != '-') {
      return false;
    }
    for (int i = 3; i < 55; i++) {
      char c = value.charAt(i);
      if (i != 35 && i != 52 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a stage cache answered the request ({@code true}, AWS's {@code CacheHitCount}) or looked it up and sent
   * it to the integration ({@code false}, {@code CacheMissCount}); null when no cache was consulted.
   */
  public Boolean cacheHit() {
    return cacheHit;
  }

  /** Set by the CACHE phase once it looked the request up. */
  public void cacheHit(boolean hit) {
    this.cacheHit = hit;
  }

  /**
   * Whether a Lambda authorizer invoked its function or answered from its cache for this request; null when none
   * decided it (see {@link AuthorizerCall}).
   */
  public AuthorizerCall authorizerCall() {
    return authorizerCall;
  }

  /** Set by a Lambda authorizer once it has a result, invoked or cached, before it allows or refuses. */
  public void authorizerCall(AuthorizerCall call) {
    this.authorizerCall = call;
  }

  /**
   * The limit that refused the request with {@code 429}; null when no limit refused it, or when a refusal could not
   * name one (a rate-limit store that is down and configured to refuse).
   */
  public RateLimit refusedBy() {
    return refusedBy;
  }

  /** Set by the THROTTLE phase just before it refuses the request. */
  public void refusedBy(RateLimit limit) {
    this.refusedBy = limit;
  }

  /**
   * The request body as text (UTF-8); empty when there is none.
   *
   * @throws GatewayException {@code REQUEST_TOO_LARGE} past the payload limit
   */
  public String requestBodyText() throws GatewayException {
    return new String(requestBody(), StandardCharsets.UTF_8);
  }

  /**
   * The request body parsed as JSON into maps, lists, strings, numbers, booleans and null, once per request; an
   * empty body is an empty object.
   *
   * @throws GatewayException {@code BAD_REQUEST_BODY} when the body is not JSON, {@code REQUEST_TOO_LARGE} past the
   *     payload limit
   */
  public Object requestJson() throws GatewayException {
    if (requestJson == null) {
      byte[] body = requestBody();
      try {
        requestJson = body.length == 0 ? Map.of() : Json.MAPPER.readValue(body, Object.class);
      } catch (IOException e) {
        throw new GatewayException(GatewayResponseType.BAD_REQUEST_BODY, "Invalid JSON in request body");
      }
    }
    return requestJson;
  }

  /**
   * The request body's bytes; empty when there is none.
   *
   * @throws GatewayException {@code REQUEST_TOO_LARGE} past the payload limit
   */
  public byte[] requestBody() throws GatewayException {
    try {
      return request.bodyBytes();
    } catch (PayloadTooLargeException e) {
      throw new GatewayException(GatewayResponseType.REQUEST_TOO_LARGE);
    } catch (IOException e) {
      throw new UncheckedIOException("the request body could not be read", e);
    }
  }

  /** The value stored under {@code key}, or null. */
  public <T> T get(Key<T> key) {
    return attributes == null ? null : key.type.cast(attributes.get(key));
  }

  /** Stores {@code value} under {@code key}; null removes it. */
  public <T> void put(Key<T> key, T value) {
    if (attributes == null) {
      if (value == null) {
        return;
      }
      attributes = new IdentityHashMap<>(4);
    }
    if (value == null) {
      attributes.remove(key);
    } else {
      attributes.put(key, value);
    }
  }

  /**
   * A typed slot for per-request state. Keys compare by identity: create each once, in a static final field.
   *
   * @param <T> the type of the stored value
   */
  public static final class Key<T> {
    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
      this.name = name;
      this.type = type;
    }

    public static <T> Key<T> of(String name, Class<T> type) {
      return new Key<>(name, type);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
