package dev.restgate.spi;

/**
 * Thrown anywhere on the request path to answer with a gateway response. The gateway renders it once, applying the
 * API's customisation of {@link #type()} (or of {@code DEFAULT_4XX}/{@code DEFAULT_5XX}), and adds
 * {@code x-amzn-ErrorType}, {@code x-amzn-RequestId} and {@code x-amz-apigw-id}.
 *
 * <p>The exception carries no stack trace: it is control flow, not a fault.
 */
public class GatewayException extends Exception {
  private static final long serialVersionUID = 1L;

  private final GatewayResponseType type;
  private final String errorMessage;
  private final int status;
  private final String errorType;
  private final String validationErrorString;

  /** A response of {@code type} with its default message and status. */
  public GatewayException(GatewayResponseType type) {
    this(type, type.defaultMessage(), type.defaultStatus());
  }

  /** A response of {@code type} with its default status and another {@code $context.error.message}. */
  public GatewayException(GatewayResponseType type, String errorMessage) {
    this(type, errorMessage, type.defaultStatus());
  }

  /**
   * A response of {@code type} whose uncustomised status differs from the type's default (AWS answers a malformed
   * Lambda proxy response with 502 although it is an {@code INTEGRATION_FAILURE}).
   */
  public GatewayException(GatewayResponseType type, String errorMessage, int status) {
    this(type, errorMessage, status, type.errorType());
  }

  /**
   * A response of {@code type} whose {@code x-amzn-ErrorType} differs from the type's: AWS answers a malformed SigV4
   * {@code Authorization} header with {@code IncompleteSignatureException} and an unknown access key with
   * {@code UnrecognizedClientException}, both as responses of type {@code INVALID_SIGNATURE}.
   */
  public GatewayException(GatewayResponseType type, String errorMessage, int status, String errorType) {
    this(type, errorMessage, status, errorType, null);
  }

  private GatewayException(GatewayResponseType type, String errorMessage, int status, String errorType,
      String validationErrorString) {
    super(type + ": " + errorMessage, null, false, false);
    if (type == GatewayResponseType.DEFAULT_4XX || type == GatewayResponseType.DEFAULT_5XX) {
      throw new IllegalArgumentException(type + " is not a response type of its own");
    }
    this.type = type;
    this.errorMessage = errorMessage;
    this.status = status;
    this.errorType = errorType;
    this.validationErrorString = validationErrorString;
  }

  /**
   * AWS's {@code BAD_REQUEST_BODY}, {@code Invalid request body}, for a body that its model's schema refuses.
   *
   * @param validationErrorString what was wrong, for {@code $context.error.validationErrorString}
   */
  public static GatewayException invalidBody(String validationErrorString) {
    GatewayResponseType type = GatewayResponseType.BAD_REQUEST_BODY;
    return new GatewayException(type, type.defaultMessage(), type.defaultStatus(), type.errorType(),
        validationErrorString);
  }

  public GatewayResponseType type() {
    return type;
  }

  /** {@code $context.error.message}; may be null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The {@code x-amzn-ErrorType} header value. */
  public String errorType() {
    return errorType;
  }

  /** {@code $context.error.validationErrorString}: the schema violations of an invalid body, else null. */
  public String validationErrorString() {
    return validationErrorString;
  }

  /** The status when the API does not customise it. */
  public int status() {
    return status;
  }
}
