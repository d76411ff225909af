package dev.restgate.model;

/** The attachment of an API key to a usage plan. {@code keyType} is {@code API_KEY}. */
public record UsagePlanKey(String usagePlanId, String keyId, String keyType) {}
