/**
 * Server-side verification of AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}), in the Authorization header and in
 * presigned URLs, with the error types and messages of AWS services. {@link
 * dev.restgate.authorizers.sigv4.SigV4Verifier} is the entry point; everything but its inputs and outcomes is
 * package-private.
 */
package dev.restgate.authorizers.sigv4;
