package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Per-method (or <code>*&#47;*</code>) settings of a stage: throttling, caching, logging, metrics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodSetting(
    Boolean metricsEnabled,
    String loggingLevel,
    Boolean dataTraceEnabled,
    Integer throttlingBurstLimit,
    Double throttlingRateLimit,
    Boolean cachingEnabled,
    Integer cacheTtlInSeconds,
    Boolean cacheDataEncrypted,
    Boolean requireAuthorizationForCacheControl,
    String unauthorizedCacheControlHeaderStrategy) {

  /** The key of the settings that apply to every method of a stage. */
  public static final String ALL_METHODS = "*/*";

  /** The settings of nothing: every field null, so each consumer applies AWS's default. */
  public static final MethodSetting NONE =
      new MethodSetting(null, null, null, null, null, null, null, null, null, null);

  /**
   * The key of one method's settings in {@code methodSettings}: the resource path without its leading slash, then
   * the method ({@code pets/{id}/GET}; {@code /GET} for the root).
   */
  public static String key(String resourcePath, String httpMethod) {
    return resourcePath.substring(1) + "/" + httpMethod;
  }

  /**
   * The settings in effect for one method of {@code stage}: its own entry's fields over the <code>*&#47;*</code>
   * entry's; a field neither sets stays null.
   */
  public static MethodSetting effective(Stage stage, String resourcePath, String httpMethod) {
    MethodSetting all = stage.methodSettings().getOrDefault(ALL_METHODS, NONE);
    MethodSetting own = stage.methodSettings().get(key(resourcePath, httpMethod));
    return own == null ? all : new MethodSetting(
        pick(own.metricsEnabled, all.metricsEnabled),
        pick(own.loggingLevel, all.loggingLevel),
        pick(own.dataTraceEnabled, all.dataTraceEnabled),
        pick(own.throttlingBurstLimit, all.throttlingBurstLimit),
        pick(own.throttlingRateLimit, all.throttlingRateLimit),
        pick(own.cachingEnabled, all.cachingEnabled),
        pick(own.cacheTtlInSeconds, all.cacheTtlInSeconds),
        pick(own.cacheDataEncrypted, all.cacheDataEncrypted),
        pick(own.requireAuthorizationForCacheControl, all.requireAuthorizationForCacheControl),
        pick(own.unauthorizedCacheControlHeaderStrategy, all.unauthorizedCacheControlHeaderStrategy));
  }

  private static <T> T pick(T own, T all) {
    return own != null ? own : all;
  }
}
