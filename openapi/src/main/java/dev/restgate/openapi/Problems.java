package dev.restgate.openapi;

import dev.restgate.spi.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one import, each with the document's name and a JSON pointer. */
final class Problems {
  private final String source;
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void error(Located at, String message) {
    error(at.pointer(), message);
  }

  void error(String pointer, String message) {
    add(errors, new Problem(source, pointer, message));
  }

  void warning(Located at, String message) {
    warning(at.pointer(), message);
  }

  void warning(String pointer, String message) {
    add(warnings, new Problem(source, pointer, message));
  }

  /** Values shared through {@code $ref} are read once per user; each problem in them is still listed once. */
  private static void add(List<Problem> list, Problem problem) {
    if (!list.contains(problem)) {
      list.add(problem);
    }
  }

  /** Whether an error was already reported at exactly {@code pointer}. */
  boolean hasErrorAt(String pointer) {
    return errors.stream().anyMatch(p -> p.pointer().equals(pointer));
  }

  /** Whether a warning was already reported at exactly {@code pointer}. */
  boolean hasWarningAt(String pointer) {
    return warnings.stream().anyMatch(p -> p.pointer().equals(pointer));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<Problem> errors() {
    return List.copyOf(errors);
  }

  List<Problem> warnings() {
    return List.copyOf(warnings);
  }
}
