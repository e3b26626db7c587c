package dev.reflex.metrics.hpa;

import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.PodMetric;
import java.util.List;

/**
 * What a KubeHPA decision reads besides the spec and the pods, as the HPA core's records.
 *
 * @param podMetrics resource usage per pod, as metrics.k8s.io PodMetrics carry it, one per pod with usage
 * @param metricValues Pods, Object and External values or the errors their reads met
 * @param resourceErrors why Resource or ContainerResource usage could not be read, for messages (the decision sees
 *     those pods as missing, and a metric without any usage fails)
 */
public record HpaMetricInputs(List<PodMetric> podMetrics, List<MetricValue> metricValues,
    List<String> resourceErrors) {

  public HpaMetricInputs {
    podMetrics = List.copyOf(podMetrics);
    metricValues = List.copyOf(metricValues);
    resourceErrors = List.copyOf(resourceErrors);
  }
}
