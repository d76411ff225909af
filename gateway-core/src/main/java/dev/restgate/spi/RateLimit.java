package dev.restgate.spi;

/**
 * The limit that refused a request with {@code 429} ({@link GatewayResponseType#THROTTLED} or
 * {@link GatewayResponseType#QUOTA_EXCEEDED}), as the THROTTLE phase reports it on {@link Exchange#refusedBy()}.
 */
public enum RateLimit {
  /** The throttle of the caller's usage plan ({@code throttle} of the plan or its API stage). */
  USAGE_PLAN_THROTTLE,
  /** The stage's method throttle ({@code throttlingRateLimit}/{@code throttlingBurstLimit} of method settings). */
  METHOD_THROTTLE,
  /** The account-level throttle every request draws from. */
  ACCOUNT_THROTTLE,
  /** The quota of the caller's usage plan. */
  USAGE_PLAN_QUOTA
}
