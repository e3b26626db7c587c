package dev.reflex.metrics.query;

import dev.reflex.labels.LabelSelector;

/**
 * A metric name with an optional label selector on the metric's own labels.
 *
 * @param name the metric name, never blank
 * @param selector a Kubernetes label selector such as {@code env=prod}; empty means none
 */
public record MetricId(String name, LabelSelector selector) {

  public MetricId {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("metric.name: must not be empty");
    }
    selector = selector == null ? LabelSelector.EVERYTHING : selector;
  }

  /** A metric without a selector. */
  public static MetricId of(String name) {
    return new MetricId(name, LabelSelector.EVERYTHING);
  }
}
