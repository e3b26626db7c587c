package dev.reflex.metrics.query;

/** A metric query that failed, with the kind of failure so callers (gRPC statuses) can tell them apart. */
public final class MetricQueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a query failed. */
  public enum Kind {
    /** The query is malformed or names something no rule serves. */
    INVALID,
    /** The backend (Prometheus) could not be reached, timed out or answered 5xx. */
    UNAVAILABLE,
    /** The backend answered, but not with something usable. */
    FAILED
  }

  private final Kind kind;

  public MetricQueryException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MetricQueryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static MetricQueryException invalid(String message) {
    return new MetricQueryException(Kind.INVALID, message);
  }

  public Kind kind() {
    return kind;
  }
}
