package dev.restgate.spi;

import java.util.List;
import java.util.stream.Collectors;

/** A definition or configuration was refused; {@link #problems()} lists every error found, not only the first. */
public class ProblemsException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ProblemsException(String summary, List<Problem> problems) {
    super(summary + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
