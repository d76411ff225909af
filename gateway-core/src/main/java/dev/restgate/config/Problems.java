package dev.restgate.config;

import dev.restgate.spi.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects the problems of one configuration file, so that every error is reported at once. */
final class Problems {
  private final String source;
  private final List<Problem> list = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void add(String pointer, String message) {
    list.add(new Problem(source, pointer, message));
  }

  /** Problems found in another document (an API body), kept with their own source. */
  void addAll(Collection<Problem> problems) {
    list.addAll(problems);
  }

  int count() {
    return list.size();
  }

  List<Problem> list() {
    return List.copyOf(list);
  }
}
