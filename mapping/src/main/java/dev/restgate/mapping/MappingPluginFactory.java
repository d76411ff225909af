package dev.restgate.mapping;

import dev.restgate.model.Integration;
import dev.restgate.spi.BinaryMediaTypes;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The request and response mapping of every method whose integration this module serves ({@code MOCK},
 * {@code HTTP} and Lambda {@code AWS}); templates, selection patterns and parameter expressions are compiled here,
 * once per method.
 */
public final class MappingPluginFactory implements PluginFactory<Void> {
  static final Set<String> MAPPED_TYPES =
      Set.of(MockIntegrationFactory.TYPE, HttpIntegrationFactory.TYPE, LambdaIntegrationFactory.TYPE);

  @Override
  public String name() {
    return "mapping";
  }

  @Override
  public Phase phase() {
    return Phase.MAPPING;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    Integration integration = site.method().methodIntegration();
    if (integration == null || integration.type() == null
        || !MAPPED_TYPES.contains(integration.type().toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String type = integration.type().toUpperCase(Locale.ROOT);
    if (type.equals(LambdaIntegrationFactory.TYPE) && !LambdaIntegrationFactory.isLambda(integration)) {
      return Optional.empty();
    }
    String method = site.method().httpMethod() + " " + site.resource().path();
    return Optional.of(new MappingPlugin(method, RequestTemplates.compile(integration),
        ContentHandling.of(integration.contentHandling()), IntegrationResponses.compile(integration),
        type.equals(LambdaIntegrationFactory.TYPE), BinaryMediaTypes.of(site.api().binaryMediaTypes())));
  }
}
