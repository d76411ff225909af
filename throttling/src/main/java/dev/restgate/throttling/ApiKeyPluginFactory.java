package dev.restgate.throttling;

import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import dev.restgate.spi.Protection;
import java.util.Optional;
import java.util.Set;

/**
 * The API key check of every {@code apiKeyRequired} method. The key comes from the {@code x-api-key} header, or
 * from the Lambda authorizer's {@code usageIdentifierKey} when the API's {@code apiKeySource} is
 * {@code AUTHORIZER}.
 */
public final class ApiKeyPluginFactory implements PluginFactory<Void> {

  @Override
  public String name() {
    return "apiKey";
  }

  @Override
  public Phase phase() {
    return Phase.API_KEY;
  }

  @Override
  public Set<Protection> enforces() {
    return Set.of(Protection.API_KEY);
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    if (!Boolean.TRUE.equals(site.method().apiKeyRequired())) {
      return Optional.empty();
    }
    // Without the module's state (a gateway built without its modules) no plugin is built, and the gateway refuses
    // the method as one whose API key nothing checks.
    Throttling throttling = site.service(Throttling.class).orElse(null);
    if (throttling == null) {
      return Optional.empty();
    }
    String source = site.api().apiKeySource() == null ? "HEADER" : site.api().apiKeySource();
    if (!source.equals("HEADER") && !source.equals("AUTHORIZER")) {
      throw new IllegalArgumentException("apiKeySource must be HEADER or AUTHORIZER, not " + source);
    }
    String apiId = site.api().id();
    String stage = site.stage().stageName();
    return Optional.of(new ApiKeyPlugin(source.equals("AUTHORIZER"), throttling.keys(),
        throttling.keys().plansOf(apiId, stage), apiId + '/' + stage));
  }
}
