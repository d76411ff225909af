package dev.restgate.spi;

/**
 * The API key that admitted a request to an {@code apiKeyRequired} method, set by the API_KEY phase for throttling,
 * metrics and logs. The key's value is in {@link RequestIdentity#apiKey()}, where AWS shows it; keep it out of logs.
 *
 * @param keyId the key's id ({@code $context.identity.apiKeyId})
 * @param usagePlanId the usage plan that covers the request's API stage for this key
 */
public record ApiKeyInUse(String keyId, String usagePlanId) {}
