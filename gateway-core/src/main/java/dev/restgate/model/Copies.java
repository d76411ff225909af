package dev.restgate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for the model records: null becomes empty, order is kept, the result is unmodifiable. */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  static <T> List<T> list(List<T> source) {
    return source == null ? List.of() : List.copyOf(source);
  }
}
