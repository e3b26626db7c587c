package dev.reflex.core.hpa;

/**
 * The current value of one metric, as reported in {@code status.currentMetrics}. A metric that failed is reported
 * with a {@code null} spec and no values (upstream writes a zero-valued entry with an empty type).
 *
 * @param spec the metric this status belongs to, or {@code null} for a failed metric
 * @param averageUtilization the current utilization in integer percent, or {@code null}
 * @param averageValue the current per-pod average in milli-units, or {@code null}
 * @param value the current total in milli-units, or {@code null}
 */
public record MetricStatus(MetricSpec spec, Integer averageUtilization, Long averageValue, Long value) {

  /** The entry of a metric that could not be computed. */
  public static final MetricStatus FAILED = new MetricStatus(null, null, null, null);
}
