package dev.restgate.spi;

/**
 * The gateway response types of API Gateway, with the status, message and {@code x-amzn-ErrorType} AWS answers with
 * when an API does not customise them.
 *
 * <p>{@link #defaultBody()} is the exact body AWS sends for the uncustomised type; a few differ from what the
 * default template would render (a space after the colon, a capitalised {@code Message}, a {@code null} message).
 */
public enum GatewayResponseType {
  ACCESS_DENIED(403, "User is not authorized to access this resource", "AccessDeniedException", "Message", false),
  API_CONFIGURATION_ERROR(500, "Internal server error", "InternalServerErrorException", "message", false),
  AUTHORIZER_CONFIGURATION_ERROR(500, null, "AuthorizerConfigurationException", "message", true),
  AUTHORIZER_FAILURE(500, null, "AuthorizerFailureException", "message", true),
  BAD_REQUEST_PARAMETERS(400, "Bad request parameters", "BadRequestException", "message", false),
  BAD_REQUEST_BODY(400, "Invalid request body", "BadRequestException", "message", false),
  DEFAULT_4XX(0, null, null, "message", false),
  DEFAULT_5XX(0, null, null, "message", false),
  EXPIRED_TOKEN(403, "The security token included in the request is expired", "ExpiredTokenException", "message",
      false),
  INTEGRATION_FAILURE(504, "Internal server error", "InternalServerErrorException", "message", false),
  INTEGRATION_TIMEOUT(504, "Endpoint request timed out", "InternalServerErrorException", "message", true),
  INVALID_API_KEY(403, "Forbidden", "ForbiddenException", "message", false),
  INVALID_SIGNATURE(403, "The request signature we calculated does not match the signature you provided.",
      "InvalidSignatureException", "message", false),
  MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token", "MissingAuthenticationTokenException", "message",
      false),
  QUOTA_EXCEEDED(429, "Limit Exceeded", "LimitExceededException", "message", false),
  REQUEST_TOO_LARGE(413, "Request Too Long", "RequestTooLargeException", "message", false),
  RESOURCE_NOT_FOUND(404, "Not Found", "ResourceNotFoundException", "message", false),
  THROTTLED(429, "Too Many Requests", "TooManyRequestsException", "message", false),
  UNAUTHORIZED(401, "Unauthorized", "UnauthorizedException", "message", false),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "BadRequestException", "message", false),
  WAF_FILTERED(403, "Forbidden", "ForbiddenException", "message", false);

  private final int defaultStatus;
  private final String defaultMessage;
  private final String errorType;
  private final String messageKey;
  private final boolean spacedBody;

  GatewayResponseType(int defaultStatus, String defaultMessage, String errorType, String messageKey,
      boolean spacedBody) {
    this.defaultStatus = defaultStatus;
    this.defaultMessage = defaultMessage;
    this.errorType = errorType;
    this.messageKey = messageKey;
    this.spacedBody = spacedBody;
  }

  /** The AWS default status; 0 for {@code DEFAULT_4XX}/{@code DEFAULT_5XX}, which only carry customisations. */
  public int defaultStatus() {
    return defaultStatus;
  }

  /** The default {@code $context.error.message}; null where AWS sends {@code null}. */
  public String defaultMessage() {
    return defaultMessage;
  }

  /** The {@code x-amzn-ErrorType} header value; null for the two family defaults. */
  public String errorType() {
    return errorType;
  }

  /** Whether customisations of {@code DEFAULT_4XX} apply to this type. */
  public boolean is4xx() {
    return defaultStatus >= 400 && defaultStatus < 500;
  }

  /** Whether customisations of {@code DEFAULT_5XX} apply to this type. */
  public boolean is5xx() {
    return defaultStatus >= 500;
  }

  /** Whether this type can be customised ({@code REQUEST_TOO_LARGE} cannot). */
  public boolean isCustomizable() {
    return this != REQUEST_TOO_LARGE;
  }

  /** The body AWS sends for this type uncustomised, for {@code message} (which may be null). */
  public String defaultBody(String message) {
    String value = message == null ? "null" : Json.quote(message);
    return "{\"" + messageKey + "\":" + (spacedBody ? " " : "") + value + "}";
  }
}
