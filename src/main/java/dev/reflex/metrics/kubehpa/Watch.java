package dev.reflex.metrics.kubehpa;

import java.util.Objects;

/**
 * One per-pod target a KubeHPA portrait holds a workload to, on a streamed metric.
 *
 * @param metric the streamed metric name ({@code __name__})
 * @param targetPerPod the per-pod value the HPA aims at, in the metric's units (for a CPU Utilization target: the
 *     utilization times the pod's request, e.g. 50 % of 0.2 cores = 0.1)
 * @param tolerance the HPA's tolerance: values within {@code 1 ± tolerance} of the target do not scale
 */
public record Watch(String metric, double targetPerPod, double tolerance) {
  public Watch {
    Objects.requireNonNull(metric, "metric");
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank");
    }
    if (!(targetPerPod > 0) || Double.isInfinite(targetPerPod)) {
      throw new IllegalArgumentException("targetPerPod must be positive and finite, was " + targetPerPod);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and not negative, was " + tolerance);
    }
  }

  /**
   * The replicas that serve {@code total} at this target: {@code ceil(total / targetPerPod)}, with a small
   * allowance so that 3.0000000001 pods' worth of floating-point noise is 3 pods, not 4.
   */
  int replicasFor(double total) {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(total / targetPerPod - 1e-9));
  }
}
