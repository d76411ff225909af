package dev.restgate.internal.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The plugin and integration factories of this gateway, found once with {@link ServiceLoader} and kept in phase
 * order. Binds each factory's extension to its configuration type when a method is compiled.
 */
public final class PluginRegistry {
  private static final ObjectMapper BINDER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final List<PluginFactory<?>> pluginFactories;
  private final Map<String, IntegrationFactory> integrationFactories;

  public PluginRegistry(List<PluginFactory<?>> pluginFactories, List<IntegrationFactory> integrationFactories) {
    List<PluginFactory<?>> sorted = new ArrayList<>(pluginFactories);
    sorted.sort(Comparator.<PluginFactory<?>, Integer>comparing(f -> f.phase().ordinal())
        .thenComparing(PluginFactory::name));
    this.pluginFactories = List.copyOf(sorted);
    Map<String, IntegrationFactory> byType = new HashMap<>();
    for (IntegrationFactory factory : integrationFactories) {
      for (String type : factory.types()) {
        byType.putIfAbsent(type, factory);
      }
    }
    this.integrationFactories = Map.copyOf(byType);
  }

  /** The factories on the class path of {@code loader}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static PluginRegistry discover(ClassLoader loader) {
    List<PluginFactory<?>> plugins = new ArrayList<>();
    for (PluginFactory factory : ServiceLoader.load(PluginFactory.class, loader)) {
      plugins.add(factory);
    }
    List<IntegrationFactory> integrations = new ArrayList<>();
    ServiceLoader.load(IntegrationFactory.class, loader).forEach(integrations::add);
    return new PluginRegistry(plugins, integrations);
  }

  /** The factory for an integration type, or null. */
  public IntegrationFactory integrationFactory(String type) {
    return integrationFactories.get(type);
  }

  /**
   * Builds the plugins of one method in phase order.
   *
   * @throws IllegalArgumentException naming the factory whose configuration is invalid
   */
  List<Plugin> pluginsFor(MethodSite site) {
    List<Plugin> plugins = new ArrayList<>();
    for (PluginFactory<?> factory : pluginFactories) {
      create(factory, site).ifPresent(plugins::add);
    }
    return plugins;
  }

  private static <C> Optional<Plugin> create(PluginFactory<C> factory, MethodSite site) {
    C config = null;
    String extension = factory.extension();
    if (extension != null) {
      JsonNode node = site.method().extensions().get(extension);
      if (node == null) {
        node = site.api().extensions().get(extension);
      }
      if (node != null && !node.isNull()) {
        try {
          config = BINDER.treeToValue(node, factory.configType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalArgumentException(extension + ": " + e.getOriginalMessage(), e);
        }
      }
    }
    try {
      return factory.create(site, config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((extension == null ? factory.name() : extension) + ": " + e.getMessage(), e);
    }
  }
}
