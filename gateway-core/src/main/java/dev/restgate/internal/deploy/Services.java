package dev.restgate.internal.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Long-lived services registered by modules and the core, looked up by type at deploy time (never per request). */
public final class Services {
  private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

  public <T> void register(Class<T> type, T service) {
    if (byType.putIfAbsent(type, service) != null) {
      throw new IllegalStateException("a " + type.getSimpleName() + " is already registered");
    }
  }

  public <T> Optional<T> find(Class<T> type) {
    return Optional.ofNullable(type.cast(byType.get(type)));
  }
}
