package dev.reflex.core.hpa;

import java.util.List;
import java.util.Objects;

/**
 * Everything one reconcile of one HPA reads.
 *
 * @param spec the HPA spec
 * @param scale the target's scale subresource
 * @param pods the pods selected by {@code scale.selector}
 * @param podMetrics resource metrics samples (metrics.k8s.io) for those pods
 * @param metricValues values (or fetch errors) for the Pods, Object and External metrics
 * @param proposedReplicas when not {@code null}, metrics are skipped and this proposal goes through the behavior
 *     and the limits instead (used by controllers that compute their own recommendation)
 * @param config the controller settings
 */
public record HpaInput(HpaSpec spec, Scale scale, List<PodInfo> pods, List<PodMetric> podMetrics,
    List<MetricValue> metricValues, Integer proposedReplicas, HpaConfig config) {

  public HpaInput {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(config, "config");
    pods = List.copyOf(pods);
    podMetrics = List.copyOf(podMetrics);
    metricValues = List.copyOf(metricValues);
    if (proposedReplicas != null && proposedReplicas < 0) {
      throw new IllegalArgumentException("proposedReplicas must be >= 0, was " + proposedReplicas);
    }
  }
}
