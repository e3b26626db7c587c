package dev.reflex.metrics.query;

/**
 * One value at one instant.
 *
 * @param timestampMillis milliseconds since the Unix epoch (Prometheus model time)
 * @param value the value
 */
public record MetricPoint(long timestampMillis, double value) {
}
