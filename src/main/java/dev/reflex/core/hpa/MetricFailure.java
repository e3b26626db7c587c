package dev.reflex.core.hpa;

/** A metric that could not be computed; the message is the upstream error text. Carries no stack trace. */
final class MetricFailure extends Exception {

  private static final long serialVersionUID = 1L;

  MetricFailure(String message) {
    super(message, null, false, false);
  }

  /** The same failure with upstream's outer wording, e.g. {@code failed to get cpu utilization: <inner>}. */
  MetricFailure wrap(String prefix) {
    return new MetricFailure(prefix + getMessage());
  }
}
