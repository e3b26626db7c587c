package dev.reflex.core.hpa;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one reconcile.
 *
 * @param currentReplicas the scale's {@code spec.replicas} this reconcile started from
 * @param desiredReplicas the replica count to apply (equal to current when nothing changes)
 * @param scaleUpdated whether the target's scale is to be written ({@code desiredReplicas != currentReplicas}
 *     and the reconcile did not abort)
 * @param rescaleReason the reason text of the rescale (e.g. {@code All metrics below target}), or {@code null}
 * @param currentMetrics one status per metric spec, in spec order (empty when metrics were not evaluated)
 * @param conditions the conditions this reconcile set, in upstream order
 * @param events the events this reconcile emitted, in order
 * @param error the reconcile's error text, or {@code null}
 * @param nextState the state to pass to the next reconcile
 */
public record HpaDecision(int currentReplicas, int desiredReplicas, boolean scaleUpdated, String rescaleReason,
    List<MetricStatus> currentMetrics, List<HpaCondition> conditions, List<HpaEvent> events, String error,
    HpaState nextState) {

  public HpaDecision {
    currentMetrics = List.copyOf(currentMetrics);
    conditions = List.copyOf(conditions);
    events = List.copyOf(events);
    Objects.requireNonNull(nextState, "nextState");
  }

  /** The condition of {@code type}, or {@code null} when this reconcile did not set it. */
  public HpaCondition condition(ConditionType type) {
    for (HpaCondition condition : conditions) {
      if (condition.type() == type) {
        return condition;
      }
    }
    return null;
  }
}
