package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.ClientContext;

/**
 * One request to run a local function.
 *
 * @param requestId the id the function sees as {@code Context.getAwsRequestId()}
 * @param qualifier the version or alias the caller named, or null; every qualifier runs the one local code
 * @param payload the event, JSON
 * @param clientContext what the caller passed in {@code X-Amz-Client-Context}, or null
 */
public record InvocationRequest(String requestId, String qualifier, byte[] payload, ClientContext clientContext) {}
