package dev.restgate.spi;

import java.util.Optional;

/** The services registered for one configuration ({@link ModuleContext#registerService}), looked up by type. */
public interface ServiceLookup {

  /** The service of {@code type}, or empty when none is registered. */
  <T> Optional<T> find(Class<T> type);

  /** A lookup that finds nothing. */
  static ServiceLookup none() {
    return new ServiceLookup() {
      @Override
      public <T> Optional<T> find(Class<T> type) {
        return Optional.empty();
      }
    };
  }
}
