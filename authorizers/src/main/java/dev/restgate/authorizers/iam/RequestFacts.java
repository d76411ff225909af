package dev.restgate.authorizers.iam;

import java.time.Instant;

/**
 * What a policy is evaluated against: the action on the resource, who asks (null for an anonymous caller), and the
 * request's context for conditions.
 *
 * @param sourceIp {@code aws:SourceIp}, a literal IPv4 or IPv6 address, or null
 * @param now {@code aws:CurrentTime} and {@code aws:EpochTime}
 * @param secureTransport {@code aws:SecureTransport}
 * @param userAgent {@code aws:UserAgent}, or null
 */
public record RequestFacts(String action, String resource, Caller caller, String sourceIp, Instant now,
    boolean secureTransport, String userAgent) {}
