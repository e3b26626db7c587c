package dev.reflex.metrics.routing;

import java.util.Objects;

/** Where a series goes, or why it goes nowhere. */
public sealed interface Route {

  /**
   * A routed series.
   *
   * @param workload the owning workload
   * @param metric the metric name
   * @param pod the pod, empty when a label named the workload directly
   * @param series the series identity within (workload, metric): every label but the metric name
   */
  record To(WorkloadRef workload, String metric, String pod, String series) implements Route {
    public To {
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(pod, "pod");
      Objects.requireNonNull(series, "series");
    }
  }

  /** A series that was dropped. */
  record Dropped(DropReason reason) implements Route {
    public Dropped {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
