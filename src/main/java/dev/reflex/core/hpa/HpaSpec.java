package dev.reflex.core.hpa;

import java.util.List;
import java.util.Objects;

/**
 * The parts of an HPA's spec the algorithm reads.
 *
 * @param name the HPA's name (used in messages only)
 * @param namespace the HPA's namespace (used in messages only)
 * @param minReplicas the lower bound; 0 only with an Object or External metric (scale to zero)
 * @param maxReplicas the upper bound, at least 1 and at least {@code minReplicas}
 * @param metrics the metrics; empty means the API default of one cpu Utilization 80 % metric
 * @param behavior the scaling behavior, or {@code null} for the legacy path
 */
public record HpaSpec(
    String name, String namespace, int minReplicas, int maxReplicas, List<MetricSpec> metrics, Behavior behavior) {

  /** The metric the API server fills in when {@code spec.metrics} is empty. */
  public static final MetricSpec DEFAULT_METRIC = new MetricSpec.ResourceMetric("cpu", MetricTarget.utilization(80));

  public HpaSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    metrics = metrics == null || metrics.isEmpty() ? List.of(DEFAULT_METRIC) : List.copyOf(metrics);
    if (minReplicas < 0) {
      throw new IllegalArgumentException("minReplicas must be >= 0, was " + minReplicas);
    }
    if (maxReplicas < 1 || maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "maxReplicas must be >= 1 and >= minReplicas, was " + maxReplicas + " (minReplicas " + minReplicas + ")");
    }
  }
}
