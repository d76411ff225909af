package dev.restgate.throttling;

import dev.restgate.http.GatewayResponse;
import dev.restgate.model.ApiKey;
import dev.restgate.model.UsagePlan;
import dev.restgate.spi.ApiKeyInUse;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.Handler;
import dev.restgate.spi.Plugin;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key check of one {@code apiKeyRequired} method: the key (from {@code x-api-key}, or the authorizer's
 * {@code usageIdentifierKey}) must exist, be enabled and be in a usage plan of the method's stage; otherwise 403
 * {@code Forbidden}. Logs name the key id, never the value.
 */
final class ApiKeyPlugin implements Plugin {
  static final String HEADER = "x-api-key";
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyPlugin.class);

  private final boolean fromAuthorizer;
  private final KeyRing keys;
  private final Map<String, UsagePlan> plans;
  private final String stage;

  ApiKeyPlugin(boolean fromAuthorizer, KeyRing keys, Map<String, UsagePlan> plans, String stage) {
    this.fromAuthorizer = fromAuthorizer;
    this.keys = keys;
    this.plans = plans;
    this.stage = stage;
  }

  @Override
  public GatewayResponse handle(Exchange exchange, Handler next) throws Exception {
    String presented = presented(exchange);
    ApiKey key = presented == null || presented.isEmpty() ? null : keys.find(presented);
    if (key == null) {
      LOG.debug("{} refused: {}", exchange.requestId(), presented == null || presented.isEmpty()
          ? "no API key" : "an API key the gateway does not know");
      throw new GatewayException(GatewayResponseType.INVALID_API_KEY);
    }
    if (!Boolean.TRUE.equals(key.enabled())) {
      LOG.debug("{} refused: API key {} is disabled", exchange.requestId(), key.id());
      throw new GatewayException(GatewayResponseType.INVALID_API_KEY);
    }
    UsagePlan plan = plans.get(key.id());
    if (plan == null) {
      LOG.debug("{} refused: API key {} is in no usage plan of {}", exchange.requestId(), key.id(), stage);
      throw new GatewayException(GatewayResponseType.INVALID_API_KEY);
    }
    exchange.apiKey(new ApiKeyInUse(key.id(), plan.id()));
    exchange.identity(exchange.identity().withApiKey(presented, key.id()));
    return next.handle(exchange);
  }

  private String presented(Exchange exchange) {
    if (fromAuthorizer) {
      AuthorizerContext authorizer = exchange.authorizer();
      return authorizer == null ? null : authorizer.usageIdentifierKey();
    }
    return exchange.request().headers().first(HEADER);
  }
}
