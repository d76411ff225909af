package dev.restgate.internal.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.restgate.spi.IntegrationFactory;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import dev.restgate.spi.Problem;
import dev.restgate.spi.Protection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

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

  /**
   * @param problems receives a problem for every two plugin factories of the same name and every integration type
   *     two factories claim: which one would win is not something to leave to the class path order
   */
  public PluginRegistry(List<PluginFactory<?>> pluginFactories, List<IntegrationFactory> integrationFactories,
      List<Problem> problems) {
    List<PluginFactory<?>> sorted = new ArrayList<>(pluginFactories);
    sorted.sort(Comparator.<PluginFactory<?>, Integer>comparing(f -> f.phase().ordinal())
        .thenComparing(PluginFactory::name));
    Map<String, PluginFactory<?>> byName = new HashMap<>();
    for (PluginFactory<?> factory : sorted) {
      PluginFactory<?> other = byName.putIfAbsent(factory.name(), factory);
      if (other != null) {
        problems.add(new Problem(null, "", "two plugin factories are named " + factory.name() + ": "
            + other.getClass().getName() + " and " + factory.getClass().getName()
            + "; remove one from the class path"));
      }
    }
    this.pluginFactories = List.copyOf(sorted);
    Map<String, IntegrationFactory> byType = new HashMap<>();
    for (IntegrationFactory factory : integrationFactories) {
      for (String type : factory.types()) {
        IntegrationFactory other = byType.putIfAbsent(type, factory);
        if (other != null) {
          problems.add(new Problem(null, "", "integration type " + type + " is built by both "
              + other.getClass().getName() + " and " + factory.getClass().getName()
              + "; remove one from the class path"));
        }
      }
    }
    this.integrationFactories = Map.copyOf(byType);
  }

  /** The factories on the class path of {@code loader}; conflicts between them go to {@code problems}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static PluginRegistry discover(ClassLoader loader, List<Problem> problems) {
    List<PluginFactory<?>> plugins = new ArrayList<>();
    for (PluginFactory factory : ServiceLoader.load(PluginFactory.class, loader)) {
      plugins.add(factory);
    }
    List<IntegrationFactory> integrations = new ArrayList<>();
    ServiceLoader.load(IntegrationFactory.class, loader).forEach(integrations::add);
    return new PluginRegistry(plugins, integrations, problems);
  }

  /** The factory for an integration type, or null. */
  public IntegrationFactory integrationFactory(String type) {
    return integrationFactories.get(type);
  }

  /**
   * Builds the plugins of one method in phase order.
   *
   * @param built is handed each plugin as soon as it is built, so that it is released even when a later one fails
   * @throws IllegalArgumentException naming the factory whose configuration is invalid
   */
  MethodPlugins pluginsFor(MethodSite site, Consumer<Plugin> built) {
    List<Plugin> edge = new ArrayList<>();
    List<Plugin> inner = new ArrayList<>();
    Set<Protection> enforced = EnumSet.noneOf(Protection.class);
    for (PluginFactory<?> factory : pluginFactories) {
      Optional<Plugin> plugin = create(factory, site);
      plugin.ifPresent(built);
      if (plugin.isPresent()) {
        (factory.phase() == Phase.EDGE ? edge : inner).add(plugin.get());
        enforced.addAll(factory.enforces());
      }
    }
    return new MethodPlugins(List.copyOf(edge), List.copyOf(inner), enforced);
  }

  /** The EDGE plugins of a site that serves no method ({@link MethodSite#routed()} false). */
  List<Plugin> edgePluginsFor(MethodSite site, Consumer<Plugin> built) {
    List<Plugin> edge = new ArrayList<>();
    for (PluginFactory<?> factory : pluginFactories) {
      if (factory.phase() == Phase.EDGE) {
        Optional<Plugin> plugin = create(factory, site);
        plugin.ifPresent(built);
        plugin.ifPresent(edge::add);
      }
    }
    return List.copyOf(edge);
  }

  /**
   * A method's plugins: those of the EDGE phase, and those of the later phases, each list in chain order.
   *
   * @param enforced what the factories that built them declare they enforce
   */
  record MethodPlugins(List<Plugin> edge, List<Plugin> inner, Set<Protection> enforced) {}

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
        } catch (JsonProcessingException e) {
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
