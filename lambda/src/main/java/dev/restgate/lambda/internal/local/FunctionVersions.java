package dev.restgate.lambda.internal.local;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * A local function's versions and aliases, as Lambda resolves qualifiers: none and {@code $LATEST} run the
 * function's own settings, a number runs that version, an alias runs the version it points to or, with a routing
 * configuration, its additional version for the configured share of invocations, picked per invocation.
 * Thread-safe.
 */
public final class FunctionVersions implements AutoCloseable {
  private final LocalFunction latest;
  private final Map<String, LocalFunction> versions;
  private final Map<String, Alias> aliases;
  private final DoubleSupplier random;

  /**
   * @param versions every version by its qualifier, {@code $LATEST} included
   * @param random numbers from 0 (inclusive) to 1 (exclusive) that pick between an alias's two versions
   */
  FunctionVersions(Map<String, LocalFunction> versions, Map<String, Alias> aliases, DoubleSupplier random) {
    this.latest = versions.get(LocalFunction.LATEST);
    this.versions = Map.copyOf(versions);
    this.aliases = Map.copyOf(aliases);
    this.random = random;
  }

  /**
   * An alias: a version, and maybe a second one that runs for a share of the invocations.
   *
   * @param additional the additional version, or null
   * @param weight the share of invocations {@code additional} runs, 0 to 1
   */
  record Alias(LocalFunction primary, LocalFunction additional, double weight) {
    LocalFunction pick(double random) {
      return additional != null && random < weight ? additional : primary;
    }
  }

  /**
   * The code that runs for {@code qualifier}, or empty when the function has no such version or alias (Lambda's
   * {@code ResourceNotFoundException}).
   *
   * @param qualifier a version, an alias, {@code $LATEST}, or null for {@code $LATEST}
   */
  public Optional<LocalFunction> select(String qualifier) {
    if (qualifier == null) {
      return Optional.of(latest);
    }
    LocalFunction version = versions.get(qualifier);
    if (version != null) {
      return Optional.of(version);
    }
    Alias alias = aliases.get(qualifier);
    return alias == null ? Optional.empty() : Optional.of(alias.pick(random.getAsDouble()));
  }

  /** Stops every version's workers and threads. */
  @Override
  public void close() {
    versions.values().forEach(LocalFunction::close);
  }
}
