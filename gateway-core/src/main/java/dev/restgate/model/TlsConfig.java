package dev.restgate.model;

/** TLS options of an HTTP integration. */
public record TlsConfig(Boolean insecureSkipVerification) {}
