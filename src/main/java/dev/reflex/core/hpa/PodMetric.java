package dev.reflex.core.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A metrics.k8s.io PodMetrics sample.
 *
 * @param podName the pod the sample belongs to
 * @param timestamp the end of the sampling window
 * @param window the sampling window's length
 * @param containers per-container usage
 */
public record PodMetric(String podName, Instant timestamp, Duration window, List<ContainerUsage> containers) {

  public PodMetric {
    Objects.requireNonNull(podName, "podName");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(window, "window");
    containers = List.copyOf(containers);
  }
}
