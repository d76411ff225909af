package dev.restgate.bench;

import dev.restgate.http.Body;
import dev.restgate.http.GatewayResponse;
import dev.restgate.http.Headers;
import dev.restgate.spi.Handler;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Integration type {@code NOOP}: answers 200 with {@code {}} at once, so a benchmark measures the gateway around the
 * integration and nothing behind it.
 */
public final class NoopIntegrationFactory implements IntegrationFactory {
  public static final String TYPE = "NOOP";
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  public Handler create(MethodSite site) {
    return exchange -> {
      // A fresh response each time: the gateway stamps its headers onto it.
      Headers headers = new Headers(4);
      headers.add("Content-Type", "application/json");
      return new GatewayResponse(200, headers, Body.of(BODY));
    };
  }
}
