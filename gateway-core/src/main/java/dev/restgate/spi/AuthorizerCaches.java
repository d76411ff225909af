package dev.restgate.spi;

/**
 * The cached results of a stage's Lambda authorizers, as a module keeps them: AWS's
 * {@code FlushStageAuthorizersCache}. A module registers one for each configuration
 * ({@link ModuleContext#registerService}). Thread-safe.
 */
public interface AuthorizerCaches {

  /** Forgets every cached authorizer result of one stage, so its next requests invoke their authorizers again. */
  void flush(String apiId, String stageName);
}
