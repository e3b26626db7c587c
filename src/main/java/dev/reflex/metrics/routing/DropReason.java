package dev.reflex.metrics.routing;

/** Why a sample was not accepted; the lower-case name is the {@code reason} tag of the dropped-samples counter. */
public enum DropReason {
  /** The series has no {@code __name__} label. */
  NO_METRIC_NAME,
  /** No label names the namespace. */
  NO_NAMESPACE,
  /** No label names a pod or a workload. */
  NO_POD,
  /** The pod is not known to the pod directory (not yet seen, or not owned by a scalable workload). */
  UNKNOWN_POD,
  /** NaN, ±Inf (including Prometheus' staleness markers) or a negative value. */
  INVALID_VALUE,
  /** A second sample of the same series with the same timestamp. */
  DUPLICATE,
  /** Older than the newest sample of its series, or older than the target's window. */
  OUT_OF_ORDER,
  /** The target already holds {@code metrics.max-series-per-target} live series. */
  SERIES_LIMIT,
  /** The caller may not write samples for the series' namespace ({@code create samples.reflex.dev} there). */
  FORBIDDEN;

  /** The counter tag value, e.g. {@code unknown_pod}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
