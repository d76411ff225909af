package dev.restgate.controlplane;

/**
 * An error of the management API as AWS answers it: a status, the {@code x-amzn-ErrorType} and
 * {@code {"message": ...}}.
 */
final class ApiError extends Exception {
  private final int status;
  private final String type;

  private ApiError(int status, String type, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "NotFoundException", message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, "ConflictException", message);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequestException", message);
  }

  static ApiError unavailable(String message) {
    return new ApiError(503, "ServiceUnavailableException", message);
  }

  static ApiError tooManyRequests(String message) {
    return new ApiError(429, "TooManyRequestsException", message);
  }

  /** A failure of the gateway itself: AWS's common {@code InternalFailure}. */
  static ApiError internal(String message) {
    return new ApiError(500, "InternalFailure", message);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
