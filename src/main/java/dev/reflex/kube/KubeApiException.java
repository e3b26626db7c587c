package dev.reflex.kube;

/**
 * The API server answered with an error status, or could not be reached ({@link #status()} 0).
 * {@link #retriable()} says whether trying again may help: conflicts, throttling and server errors.
 */
public final class KubeApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public KubeApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public KubeApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }

  public boolean notFound() {
    return status == 404;
  }

  public boolean conflict() {
    return status == 409;
  }

  public boolean retriable() {
    return status == 0 || status == 409 || status == 429 || status >= 500;
  }
}
