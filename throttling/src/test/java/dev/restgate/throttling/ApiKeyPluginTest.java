package dev.restgate.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.http.GatewayResponse;
import dev.restgate.model.ApiKey;
import dev.restgate.model.ApiStage;
import dev.restgate.model.UsagePlan;
import dev.restgate.model.UsagePlanKey;
import dev.restgate.spi.ApiKeyInUse;
import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.testing.TestExchanges;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API key check hands on: the key in use, and {@code $context.identity.apiKey}/{@code apiKeyId}. */
class ApiKeyPluginTest {
  private static final String VALUE = "alice-key-0123456789abcdef";
  private static final KeyRing KEYS = new KeyRing(
      List.of(new ApiKey("alicekey01", VALUE, "alice", null, null, true, null, null)),
      List.of(new UsagePlan("basic1", "Basic", null, List.of(new ApiStage("api0000001", "prod", null)), null, null,
          null, null)),
      List.of(new UsagePlanKey("basic1", "alicekey01", "API_KEY")));

  private static ApiKeyPlugin plugin(boolean fromAuthorizer) {
    return new ApiKeyPlugin(fromAuthorizer, KEYS, KEYS.plansOf("api0000001", "prod"), "api0000001/prod");
  }

  private static Exchange admitted(ApiKeyPlugin plugin, Exchange exchange) throws Exception {
    Exchange[] seen = new Exchange[1];
    plugin.handle(exchange, e -> {
      seen[0] = e;
      return GatewayResponse.json(200, "{}");
    });
    return seen[0];
  }

  @Test
  void theHeaderKeyFillsTheIdentityAndTheKeyInUse() throws Exception {
    Exchange exchange = admitted(plugin(false), TestExchanges.request().header("X-API-Key", VALUE).build());
    assertThat(exchange.apiKey()).isEqualTo(new ApiKeyInUse("alicekey01", "basic1"));
    assertThat(exchange.identity().apiKey()).isEqualTo(VALUE);
    assertThat(exchange.identity().apiKeyId()).isEqualTo("alicekey01");
  }

  @Test
  void withApiKeySourceAuthorizerTheAuthorizersUsageIdentifierKeyCountsAndTheHeaderDoesNot() throws Exception {
    Exchange exchange = TestExchanges.request().build();
    exchange.authorizer(new AuthorizerContext("user", Map.of(), Map.of(), 3L, VALUE));
    assertThat(admitted(plugin(true), exchange).apiKey().keyId()).isEqualTo("alicekey01");

    Exchange headerOnly = TestExchanges.request().header("x-api-key", VALUE).build();
    assertThatThrownBy(() -> plugin(true).handle(headerOnly, e -> GatewayResponse.json(200, "{}")))
        .isInstanceOf(GatewayException.class)
        .extracting(e -> ((GatewayException) e).type()).isEqualTo(GatewayResponseType.INVALID_API_KEY);
  }

  @Test
  void aKeyOfAnotherStageIsRefused() {
    ApiKeyPlugin otherStage = new ApiKeyPlugin(false, KEYS, KEYS.plansOf("api0000001", "beta"), "api0000001/beta");
    Exchange exchange = TestExchanges.request().header("x-api-key", VALUE).build();
    assertThatThrownBy(() -> otherStage.handle(exchange, e -> GatewayResponse.json(200, "{}")))
        .isInstanceOf(GatewayException.class);
    assertThat(exchange.apiKey()).isNull();
  }
}
