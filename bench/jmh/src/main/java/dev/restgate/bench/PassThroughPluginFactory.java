package dev.restgate.bench;

import dev.restgate.spi.MethodSite;
import dev.restgate.spi.Phase;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import java.util.Optional;

/**
 * Plugins that only call {@code next}, one factory per phase, so a benchmark can give a method's chain 0 to 7 links
 * that do no work: {@code x-bench-passthrough: {"links": n}} puts one into each of the first {@code n} phases. Each
 * phase's plugin is a class of its own, as in a real chain, so the JIT cannot treat every link as the same call.
 */
public abstract class PassThroughPluginFactory implements PluginFactory<PassThroughPluginFactory.Config> {
  public static final String EXTENSION = "x-bench-passthrough";

  private final Phase phase;

  PassThroughPluginFactory(Phase phase) {
    this.phase = phase;
  }

  /** @param links how many phases, from the first, get a pass-through plugin */
  public record Config(int links) {}

  /** This phase's plugin, a distinct class per subclass. */
  abstract Plugin plugin();

  @Override
  public String name() {
    return "bench-passthrough-" + phase;
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public String extension() {
    return EXTENSION;
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Config config) {
    return config != null && phase.ordinal() < config.links() ? Optional.of(plugin()) : Optional.empty();
  }

  public static final class Edge extends PassThroughPluginFactory {
    public Edge() {
      super(Phase.EDGE);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }

  public static final class Authorize extends PassThroughPluginFactory {
    public Authorize() {
      super(Phase.AUTHORIZE);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }

  public static final class ApiKey extends PassThroughPluginFactory {
    public ApiKey() {
      super(Phase.API_KEY);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }

  public static final class Throttle extends PassThroughPluginFactory {
    public Throttle() {
      super(Phase.THROTTLE);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }

  public static final class Validate extends PassThroughPluginFactory {
    public Validate() {
      super(Phase.VALIDATE);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }

  public static final class Cache extends PassThroughPluginFactory {
    public Cache() {
      super(Phase.CACHE);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }

  public static final class Mapping extends PassThroughPluginFactory {
    public Mapping() {
      super(Phase.MAPPING);
    }

    @Override
    Plugin plugin() {
      return (exchange, next) -> next.handle(exchange);
    }
  }
}
