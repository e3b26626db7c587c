package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalization for an HPA with {@code behavior}: stabilization in both directions, then rate limits from the
 * policies against the scale events of both directions, then min/max in the direction of the change only.
 */
final class BehaviorNormalizer {

  private BehaviorNormalizer() {
  }

  record Result(int replicas, List<Recommendation> recommendations) {
  }

  static Result normalize(HpaSpec spec, HpaConfig config, HpaState state, int current, int proposal,
      int minReplicas, Instant now, Conditions conditions) {
    Behavior behavior = spec.behavior();
    int upWindow = behavior.scaleUp().stabilizationWindowSeconds();
    Integer downWindowSeconds = behavior.scaleDown().stabilizationWindowSeconds();
    long downWindow = downWindowSeconds != null ? downWindowSeconds : config.downscaleStabilization().getSeconds();

    // Stabilize. Example: current 10, recommendations in the last 300 s were 10, 9, 12, proposal 8 →
    // downRec = max(8, 10, 9, 12) = 12, upRec = 8 (no up window) → start from 10, lower to at most 12 → 10.
    Instant upCutoff = now.minusSeconds(upWindow);
    Instant downCutoff = now.minusSeconds(downWindow);
    int upRecommendation = proposal;
    int downRecommendation = proposal;
    int oldIndex = -1;
    List<Recommendation> history = state.recommendations();
    for (int i = 0; i < history.size(); i++) {
      Recommendation rec = history.get(i);
      if (rec.timestamp().isAfter(upCutoff)) {
        upRecommendation = Math.min(upRecommendation, rec.replicas());
      }
      if (rec.timestamp().isAfter(downCutoff)) {
        downRecommendation = Math.max(downRecommendation, rec.replicas());
      }
      if (rec.timestamp().isBefore(upCutoff) && rec.timestamp().isBefore(downCutoff)) {
        oldIndex = i;
      }
    }
    int stabilized = current;
    if (stabilized < upRecommendation) {
      stabilized = upRecommendation;
    }
    if (stabilized > downRecommendation) {
      stabilized = downRecommendation;
    }
    List<Recommendation> next = new ArrayList<>(history);
    Recommendation fresh = new Recommendation(now, proposal);
    if (oldIndex >= 0) {
      next.set(oldIndex, fresh);
    } else {
      next.add(fresh);
    }
    if (stabilized != proposal) {
      if (proposal >= current) {
        conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.SCALE_UP_STABILIZED,
            Messages.SCALE_UP_STABILIZED);
      } else {
        conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.SCALE_DOWN_STABILIZED,
            Messages.SCALE_DOWN_STABILIZED);
      }
    } else {
      conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.READY_FOR_NEW_SCALE, Messages.READY_FOR_NEW_SCALE);
    }

    int result = stabilized;
    HpaReason reason = HpaReason.DESIRED_WITHIN_RANGE;
    String message = Messages.DESIRED_WITHIN_RANGE;
    if (stabilized > current) {
      int limit = Math.max(scaleUpLimit(current, state, behavior.scaleUp(), now), current);
      int maximum;
      if (spec.maxReplicas() > limit) {
        maximum = limit;
        reason = HpaReason.SCALE_UP_LIMIT;
        message = Messages.SCALE_UP_LIMIT;
      } else {
        maximum = spec.maxReplicas();
        reason = HpaReason.TOO_MANY_REPLICAS;
        message = Messages.TOO_MANY_REPLICAS;
      }
      if (stabilized > maximum) {
        result = maximum;
      }
    } else if (stabilized < current) {
      int limit = Math.min(scaleDownLimit(current, state, behavior.scaleDown(), now), current);
      int minimum;
      if (minReplicas < limit) {
        minimum = limit;
        reason = HpaReason.SCALE_DOWN_LIMIT;
        message = Messages.SCALE_DOWN_LIMIT;
      } else {
        minimum = minReplicas;
        reason = HpaReason.TOO_FEW_REPLICAS;
        message = Messages.TOO_FEW_REPLICAS;
      }
      if (stabilized < minimum) {
        result = minimum;
      }
    }
    if (result == stabilized) {
      reason = HpaReason.DESIRED_WITHIN_RANGE;
      message = Messages.DESIRED_WITHIN_RANGE;
    }
    conditions.set(ConditionType.SCALING_LIMITED, result != stabilized, reason, message);
    return new Result(result, List.copyOf(next));
  }

  /**
   * The highest count the scale-up policies allow. Each policy measures from the replica count at the start of
   * its period: current − added + removed within the period. Example: current 6 after +2 within the last 15 s,
   * policy Pods 4 / 15 s → start 4 → limit 8; Percent 100 / 15 s → ceil(4 × 2) = 8.
   */
  static int scaleUpLimit(int current, HpaState state, ScalingRules rules, Instant now) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean min = rules.selectPolicy() == SelectPolicy.MIN;
    int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (ScalingPolicy policy : rules.policies()) {
      int start = periodStart(current, state, policy.periodSeconds(), now);
      int proposed = policy.type() == ScalingPolicyType.PODS
          ? start + policy.value()
          : (int) Math.ceil(start * (1 + policy.value() / 100.0));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /**
   * The lowest count the scale-down policies allow; Percent truncates toward zero (10 with 15 % → 8.5 → 8).
   * Max picks the largest change (the lowest count), Min the smallest.
   */
  static int scaleDownLimit(int current, HpaState state, ScalingRules rules, Instant now) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean min = rules.selectPolicy() == SelectPolicy.MIN;
    int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (ScalingPolicy policy : rules.policies()) {
      int start = periodStart(current, state, policy.periodSeconds(), now);
      int proposed = policy.type() == ScalingPolicyType.PODS
          ? start - policy.value()
          : (int) (start * (1 - policy.value() / 100.0));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  private static int periodStart(int current, HpaState state, int periodSeconds, Instant now) {
    Instant cutoff = now.minusSeconds(periodSeconds);
    return current - changeAfter(state.scaleUpEvents(), cutoff) + changeAfter(state.scaleDownEvents(), cutoff);
  }

  private static int changeAfter(List<ScaleEvent> events, Instant cutoff) {
    int sum = 0;
    for (ScaleEvent event : events) {
      if (event.timestamp().isAfter(cutoff)) {
        sum += event.replicaChange();
      }
    }
    return sum;
  }

  /**
   * Records a successful rescale: events strictly older than the direction's longest policy period are outdated,
   * and the new event takes the last outdated slot (else it is appended), which keeps the history bounded.
   */
  static HpaState storeScaleEvent(Behavior behavior, HpaState state, int previous, int next, Instant now) {
    if (next > previous) {
      return new HpaState(state.recommendations(),
          store(state.scaleUpEvents(), behavior.scaleUp(), next - previous, now), state.scaleDownEvents());
    }
    return new HpaState(state.recommendations(), state.scaleUpEvents(),
        store(state.scaleDownEvents(), behavior.scaleDown(), previous - next, now));
  }

  private static List<ScaleEvent> store(List<ScaleEvent> events, ScalingRules rules, int change, Instant now) {
    Instant cutoff = now.minusSeconds(rules.longestPeriodSeconds());
    int outdated = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).timestamp().isBefore(cutoff)) {
        outdated = i;
      }
    }
    List<ScaleEvent> next = new ArrayList<>(events);
    ScaleEvent event = new ScaleEvent(now, change);
    if (outdated >= 0) {
      next.set(outdated, event);
    } else {
      next.add(event);
    }
    return next;
  }
}
