package dev.reflex.metrics.hpa;

/**
 * Where Pods, Object and External values come from when no streamed value is fresh, and how their failures read:
 * Reflex's own Prometheus queries name Prometheus; the metrics APIs already word their errors as the HPA controller
 * reports them ({@code unable to fetch metrics from custom metrics API: …}), so those pass through unchanged.
 */
enum ValueSource {
  PROMETHEUS("Prometheus") {
    @Override
    String failure(String what, String message) {
      return "Prometheus query for " + what + " failed: " + message;
    }
  },
  METRICS_APIS("the metrics API") {
    @Override
    String failure(String what, String message) {
      return message;
    }
  };

  private final String displayName;

  ValueSource(String displayName) {
    this.displayName = displayName;
  }

  /** The source as the subject of a sentence ("Prometheus returned no …"). */
  String displayName() {
    return displayName;
  }

  /** Why reading {@code what} failed, from the source's own error {@code message}. */
  abstract String failure(String what, String message);
}
