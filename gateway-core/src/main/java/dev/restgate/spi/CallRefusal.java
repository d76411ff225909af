package dev.restgate.spi;

/**
 * Why a call to a service endpoint was refused, for the endpoint to answer in its service's own error shape.
 *
 * @param status the HTTP status, e.g. 403
 * @param errorType the {@code x-amzn-ErrorType} value, e.g. {@code InvalidSignatureException}
 * @param message the error message, as AWS words it
 */
public record CallRefusal(int status, String errorType, String message) {}
