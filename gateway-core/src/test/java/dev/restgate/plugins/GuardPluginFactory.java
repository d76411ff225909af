package dev.restgate.plugins;

import dev.restgate.spi.GatewayException;
import dev.restgate.spi.GatewayResponseType;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import dev.restgate.spi.Protection;
import java.util.Optional;
import java.util.Set;

/**
 * A test plugin that declares it enforces API keys and TOKEN authorizers: on methods configured with
 * {@code x-test-guard: {header, value}} it lets through only requests whose header has that value, and answers 403
 * otherwise.
 */
public final class GuardPluginFactory implements PluginFactory<GuardPluginFactory.Config> {

  /** The extension's value. */
  public record Config(String header, String value) {}

  @Override
  public String name() {
    return "guard";
  }

  @Override
  public Phase phase() {
    return Phase.AUTHORIZE;
  }

  @Override
  public Set<Protection> enforces() {
    return Set.of(Protection.API_KEY, Protection.LAMBDA_TOKEN_AUTHORIZER);
  }

  @Override
  public String extension() {
    return "x-test-guard";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Config config) {
    if (config == null) {
      return Optional.empty();
    }
    return Optional.of((exchange, next) -> {
      if (!config.value().equals(exchange.request().headers().last(config.header()))) {
        throw new GatewayException(GatewayResponseType.INVALID_API_KEY);
      }
      return next.handle(exchange);
    });
  }
}
