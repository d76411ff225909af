package dev.restgate.model;

import java.time.Instant;

/**
 * A deployment: an immutable snapshot of a {@link RestApi} that stages serve.
 *
 * @param id six lower-case alphanumerics
 * @param api the API as it was when the deployment was made
 */
public record Deployment(String id, String description, Instant createdDate, RestApi api) {}
