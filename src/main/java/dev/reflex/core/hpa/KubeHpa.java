package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One reconcile of one HorizontalPodAutoscaler, as the upstream controller performs it, without I/O: the caller
 * supplies the scale, pods and metric values it fetched and applies the returned decision (writes
 * {@code scale.spec.replicas} when {@link HpaDecision#scaleUpdated()}, records the events, writes the status).
 *
 * <p>Order of a reconcile: AbleToScale=True/SucceededGetScale; first sight seeds the recommendations with the
 * current count; then one branch — target at zero with minReplicas ≠ 0 (scaling disabled), above max, below min,
 * or the metrics (or a proposal) normalized by the legacy path or by {@code behavior}; finally a rescale with a
 * {@code SuccessfulRescale} event and, with {@code behavior}, a stored scale event.
 */
public final class KubeHpa {

  private KubeHpa() {
  }

  /**
   * Decides one reconcile.
   *
   * @param in what the controller fetched
   * @param state the state returned by the previous reconcile, or {@link HpaState#FIRST_SIGHT}
   * @param now the reconcile's instant
   * @return the decision and the next state
   */
  public static HpaDecision decide(HpaInput in, HpaState state, Instant now) {
    HpaSpec spec = in.spec();
    int current = in.scale().specReplicas();
    Conditions conditions = new Conditions();
    List<HpaEvent> events = new ArrayList<>(2);
    conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.SUCCEEDED_GET_SCALE, Messages.SUCCEEDED_GET_SCALE);
    HpaState working = state.seen()
        ? state
        : new HpaState(List.of(new Recommendation(now, current)), state.scaleUpEvents(), state.scaleDownEvents());

    int minReplicas = spec.minReplicas();
    int desired;
    String rescaleReason = null;
    String error = null;
    List<MetricStatus> statuses = List.of();
    boolean rescale = true;
    if (current == 0 && minReplicas != 0) {
      desired = 0;
      rescale = false;
      conditions.set(ConditionType.SCALING_ACTIVE, false, HpaReason.SCALING_DISABLED, Messages.SCALING_DISABLED);
    } else if (current > spec.maxReplicas()) {
      desired = spec.maxReplicas();
      rescaleReason = Messages.ABOVE_MAX;
    } else if (current < minReplicas) {
      desired = minReplicas;
      rescaleReason = Messages.BELOW_MIN;
    } else {
      int proposal;
      String metricName;
      if (in.proposedReplicas() != null) {
        proposal = in.proposedReplicas();
        metricName = Messages.PROPOSED_REPLICAS;
        conditions.set(ConditionType.SCALING_ACTIVE, true, HpaReason.VALID_METRIC_FOUND,
            Messages.VALID_METRIC_PREFIX + metricName);
      } else {
        String selectorProblem = selectorProblem(in.scale(), conditions, events);
        if (selectorProblem != null) {
          return aborted(current, List.of(), conditions, events, selectorProblem, working);
        }
        MetricsEvaluation evaluation = MetricsEvaluation.evaluate(in, Tolerances.of(spec, in.config()), now);
        events.addAll(evaluation.events);
        statuses = evaluation.statuses;
        int specCount = spec.metrics().size();
        if (evaluation.invalidCount > 0) {
          error = evaluation.invalidMetricsError(specCount);
        }
        // A failing metric blocks a scale-down (and everything when all fail) but not a scale-up.
        if (evaluation.invalidCount >= specCount || (evaluation.invalidCount > 0 && evaluation.replicas < current)) {
          conditions.set(ConditionType.SCALING_ACTIVE, false, evaluation.firstFailureReason,
              Messages.UNABLE_TO_COMPUTE_PREFIX + evaluation.firstFailureMessage);
          events.add(new HpaEvent(true, HpaReason.FAILED_COMPUTE_METRICS_REPLICAS, error));
          return aborted(current, statuses, conditions, events, error, working);
        }
        proposal = evaluation.replicas;
        metricName = evaluation.metricName;
        conditions.set(ConditionType.SCALING_ACTIVE, true, HpaReason.VALID_METRIC_FOUND,
            Messages.VALID_METRIC_PREFIX + metricName);
      }
      // The reason compares the raw proposal with the current count, before normalization.
      if (proposal > current) {
        rescaleReason = metricName + " above target";
      } else if (proposal < current) {
        rescaleReason = Messages.ALL_BELOW_TARGET;
      }
      if (spec.behavior() == null) {
        LegacyNormalizer.Result normalized = LegacyNormalizer.normalize(spec, in.config(),
            working.recommendations(), current, proposal, minReplicas, now, conditions);
        desired = normalized.replicas();
        working = new HpaState(normalized.recommendations(), working.scaleUpEvents(), working.scaleDownEvents());
      } else {
        BehaviorNormalizer.Result normalized = BehaviorNormalizer.normalize(spec, in.config(), working, current,
            proposal, minReplicas, now, conditions);
        desired = normalized.replicas();
        working = new HpaState(normalized.recommendations(), working.scaleUpEvents(), working.scaleDownEvents());
      }
      rescale = desired != current;
    }

    if (rescale) {
      conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.SUCCEEDED_RESCALE,
          Messages.SUCCEEDED_RESCALE_PREFIX + desired);
      // Upstream's reason is an empty string when only stabilization moved the count.
      events.add(new HpaEvent(false, HpaReason.SUCCESSFUL_RESCALE,
          "New size: " + desired + "; reason: " + (rescaleReason == null ? "" : rescaleReason)));
      if (spec.behavior() != null) {
        working = BehaviorNormalizer.storeScaleEvent(spec.behavior(), working, current, desired, now);
      }
    } else {
      desired = current;
      rescaleReason = null;
    }
    return new HpaDecision(current, desired, rescale, rescaleReason, statuses, conditions.toList(), events, error,
        working);
  }

  /** Checks the scale's selector; on a problem sets the condition, emits the event and returns the error. */
  private static String selectorProblem(Scale scale, Conditions conditions, List<HpaEvent> events) {
    if (scale.selector() == null || scale.selector().isBlank()) {
      events.add(new HpaEvent(true, HpaReason.SELECTOR_REQUIRED, Messages.SELECTOR_REQUIRED));
      conditions.set(ConditionType.SCALING_ACTIVE, false, HpaReason.INVALID_SELECTOR, Messages.MISSING_SELECTOR);
      return Messages.SELECTOR_REQUIRED;
    }
    if (scale.selectorError() != null) {
      String message = Messages.INVALID_SELECTOR_PREFIX + scale.selectorError();
      events.add(new HpaEvent(true, HpaReason.INVALID_SELECTOR, message));
      conditions.set(ConditionType.SCALING_ACTIVE, false, HpaReason.INVALID_SELECTOR, message);
      return message;
    }
    return null;
  }

  /** The reconcile stops: nothing is scaled and the desired count stays at the current one. */
  private static HpaDecision aborted(int current, List<MetricStatus> statuses, Conditions conditions,
      List<HpaEvent> events, String error, HpaState state) {
    return new HpaDecision(current, current, false, null, statuses, conditions.toList(), events, error, state);
  }
}
