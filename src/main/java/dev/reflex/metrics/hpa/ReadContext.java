package dev.reflex.metrics.hpa;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.MetricQuery.PodPick;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What one read is about: the namespace, the workload's pods (by selector and by name) and the decision time.
 *
 * @param namespace the portrait's namespace
 * @param selector the scale's {@code status.selector}, empty for every pod
 * @param pods the selected pods; values for other pods are dropped, as the decision has no pod to put them on
 * @param now the decision time
 */
record ReadContext(String namespace, String selector, Set<String> pods, Instant now) {

  ReadContext {
    pods = Set.copyOf(pods);
  }

  /**
   * How to pick the pods in a query: by name when there is one (no listing needed), else by the selector.
   *
   * @throws IllegalArgumentException when the selector does not parse
   */
  PodPick pick() {
    return pods.size() == 1 ? PodPick.named(pods.iterator().next()) : PodPick.selected(podSelector());
  }

  /** @throws IllegalArgumentException naming {@code scale.status.selector} when it does not parse */
  LabelSelector podSelector() {
    return LabelSelector.parse(selector, "scale.status.selector");
  }

  /**
   * The pod a series is about: its {@code pod} label, else its only label (a rule may map pods to another label,
   * e.g. {@code kubernetes_pod_name}, and group by it), else the only pod asked for; {@code null} when unknown or not
   * one of {@link #pods}.
   */
  String podOf(Map<String, String> labels) {
    String pod = labels.get("pod");
    if (pod == null && labels.size() == 1) {
      pod = labels.values().iterator().next();
    }
    if (pod == null && pods.size() == 1) {
      pod = pods.iterator().next();
    }
    return pod != null && pods.contains(pod) ? pod : null;
  }
}
