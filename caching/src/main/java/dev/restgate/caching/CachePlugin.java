package dev.restgate.caching;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.MethodArn;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.ServiceCallAuthorizer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a method's requests from its stage's cache. A hit is served without calling the integration; a miss calls
 * it and stores what it answered (any status, as AWS does; gateway errors are never stored), bodies up to 1 MB. A
 * client's {@code Cache-Control: max-age=0} fetches a fresh answer that replaces the entry when the caller may
 * invalidate the cache ({@code execute-api:InvalidateCache} on the method ARN, or no authorization
 * required); otherwise the method's strategy refuses it, or ignores it with or without a {@code Warning}. Runs after
 * authorization, API keys and throttles, so a hit still counts against the caller's usage plan.
 */
final class CachePlugin implements Plugin {
  /** What {@code SUCCEED_WITH_RESPONSE_HEADER} adds when it ignores a client's invalidation. */
  static final String IGNORED_WARNING =
      "199 - \"Cache-Control max-age=0 ignored: the caller is not authorized to invalidate the cache\"";
  private static final Logger LOG = LoggerFactory.getLogger(CachePlugin.class);

  /** What to do with a {@code Cache-Control: max-age=0} the caller is not allowed to send. */
  enum Strategy { FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER, SUCCEED_WITHOUT_RESPONSE_HEADER }

  /**
   * Who may invalidate entries of this method.
   *
   * @param authorizer checks {@code execute-api:InvalidateCache}; null when no module checks signatures
   */
  record Invalidation(boolean requireAuthorization, Strategy strategy, ServiceCallAuthorizer authorizer,
      MethodArn arn) {}

  private final StageCache cache;
  private final CacheKeys keys;
  private final Duration ttl;
  private final boolean canaryUsesCache;
  private final Invalidation invalidation;

  CachePlugin(StageCache cache, CacheKeys keys, Duration ttl, boolean canaryUsesCache, Invalidation invalidation) {
    this.cache = cache;
    this.keys = keys;
    this.ttl = ttl;
    this.canaryUsesCache = canaryUsesCache;
    this.invalidation = invalidation;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    if (Boolean.TRUE.equals(exchange.route().canary()) && !canaryUsesCache) {
      return next.handle(exchange);
    }
    String key = keys.of(exchange);
    boolean refresh = false;
    boolean warn = false;
    if (asksForFreshAnswer(exchange.request().headers())) {
      if (mayInvalidate(exchange)) {
        refresh = true;
      } else if (invalidation.strategy() == Strategy.FAIL_WITH_403) {
        throw new GatewayException(GatewayResponseType.ACCESS_DENIED);
      } else {
        warn = invalidation.strategy() == Strategy.SUCCEED_WITH_RESPONSE_HEADER;
      }
    }
    if (!refresh) {
      CachedResponse hit = cache.get(key);
      if (hit != null) {
        cache.counts().hits.increment();
        exchange.cacheHit(true);
        return warned(hit.toResponse(), warn);
      }
    }
    cache.counts().misses.increment();
    exchange.cacheHit(false);
    GatewayResponse response = next.handle(exchange);
    return warned(stored(key, response), warn);
  }

  /**
   * Stores {@code response} and returns what to send in its place. A body of known length is read now (up to
   * 1 MB), so the entry exists before the client has the answer; a body of unknown length is copied while it is
   * sent and stored once it was sent whole.
   */
  private GatewayResponse stored(String key, GatewayResponse response) throws IOException {
    Body body = response.body();
    long length = body.length();
    if (length > CachedResponse.MAX_BODY) {
      return response;
    }
    GatewayResponse head = new GatewayResponse(response.status(), copy(response.headers()), Body.empty());
    if (length >= 0) {
      byte[] bytes;
      try (body) {
        bytes = body.bytes();
      }
      cache.put(key, CachedResponse.of(head, bytes), ttl);
      return new GatewayResponse(response.status(), response.headers(), Body.of(bytes));
    }
    return new GatewayResponse(response.status(), response.headers(),
        new CachingBody(body, bytes -> cache.put(key, CachedResponse.of(head, bytes), ttl)));
  }

  private static GatewayResponse warned(GatewayResponse response, boolean warn) {
    if (warn) {
      response.headers().add("Warning", IGNORED_WARNING);
    }
    return response;
  }

  /** The header fields as the integration answered, before plugins outside this one add theirs. */
  private static Headers copy(Headers headers) {
    Headers copy = new Headers(headers.size());
    headers.forEach(copy::add);
    return copy;
  }

  /** Whether a {@code Cache-Control} field of the request carries {@code max-age=0}. */
  static boolean asksForFreshAnswer(Headers headers) {
    for (String field : headers.all("Cache-Control")) {
      for (String directive : field.split(",")) {
        if (directive.strip().toLowerCase(Locale.ROOT).equals("max-age=0")) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean mayInvalidate(Exchange exchange) {
    if (!invalidation.requireAuthorization()) {
      return true;
    }
    if (invalidation.authorizer() == null) {
      return false;
    }
    try {
      return invalidation.authorizer().authorize(exchange.request(), "execute-api", "execute-api:InvalidateCache",
          invalidation.arn().of(exchange)).isEmpty();
    } catch (IOException | RuntimeException e) {
      LOG.warn("[{}] The permission to invalidate the cache could not be checked ({}); the request is treated as "
          + "not authorized", exchange.requestId(), e.toString());
      return false;
    }
  }
}
