package dev.reflex.custommetrics;

/**
 * A request the metrics APIs answer with an error: the HTTP code and the Status reason kube's API machinery pairs
 * with it ({@code NotFound}, {@code BadRequest}, {@code InternalError}), and a message for the caller.
 */
final class MetricsApiException extends RuntimeException {

  private final int code;
  private final String reason;

  MetricsApiException(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  static MetricsApiException notFound(String message) {
    return new MetricsApiException(404, "NotFound", message);
  }

  static MetricsApiException badRequest(String message) {
    return new MetricsApiException(400, "BadRequest", message);
  }

  static MetricsApiException internal(String message) {
    return new MetricsApiException(500, "InternalError", message);
  }

  int code() {
    return code;
  }

  String reason() {
    return reason;
  }
}
