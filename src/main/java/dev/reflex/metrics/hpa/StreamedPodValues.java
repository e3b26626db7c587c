package dev.reflex.metrics.hpa;

import java.util.Optional;

/**
 * The streamed samples a KubeHPA decision may use instead of asking Prometheus or metrics.k8s.io: they are seconds
 * old where a query answers with minute-old rates. Only per-pod values exist here, so Pods and Resource metrics can
 * be served; Object and External metrics always come from Prometheus.
 */
public interface StreamedPodValues {

  /** No streamed values: every metric is queried. */
  StreamedPodValues NONE = new StreamedPodValues() {
    @Override
    public Optional<PodValues> pods(String metricName) {
      return Optional.empty();
    }

    @Override
    public Optional<PodValues> resource(String resourceName) {
      return Optional.empty();
    }
  };

  /** The per-pod values of the Pods metric {@code metricName}, if streamed. */
  Optional<PodValues> pods(String metricName);

  /**
   * The per-pod usage of {@code resourceName} ({@code cpu} in cores, {@code memory} in bytes), if streamed. These
   * are whole-pod totals, so they serve Resource metrics but not ContainerResource ones.
   */
  Optional<PodValues> resource(String resourceName);
}
