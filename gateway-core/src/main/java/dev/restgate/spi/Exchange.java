package dev.restgate.spi;

import dev.restgate.http.GatewayRequest;
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
  private Map<String, Object> authorizer;
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

  /** Set by the router once. */
  public void route(RouteMatch match) {
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

  /**
   * {@code requestContext.authorizer}: principal id, claims or the Lambda authorizer context; null when no
   * authorizer ran.
   */
  public Map<String, Object> authorizer() {
    return authorizer;
  }

  public void authorizer(Map<String, Object> values) {
    this.authorizer = values;
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
