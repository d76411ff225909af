package dev.restgate.internal.deploy;

import dev.restgate.spi.ServiceLookup;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services registered by modules and the core for one configuration, looked up by type at deploy time (never per
 * request) and by the calls to service endpoints.
 */
public final class Services implements ServiceLookup {
  private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

  public <T> void register(Class<T> type, T service) {
    if (byType.putIfAbsent(type, service) != null) {
      throw new IllegalStateException("a " + type.getSimpleName() + " is already registered");
    }
  }

  @Override
  public <T> Optional<T> find(Class<T> type) {
    return Optional.ofNullable(type.cast(byType.get(type)));
  }
}
