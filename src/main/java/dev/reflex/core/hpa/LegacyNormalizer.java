package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalization for an HPA without {@code behavior}: a 5-minute scale-down stabilization (the highest
 * recommendation of the window wins) and a scale-up cap of max(factor × current, minimum). Example: current 3,
 * proposal 10, max 20 → cap max(2 × 3, 4) = 6 → 6 with ScalingLimited=True/ScaleUpLimit.
 */
final class LegacyNormalizer {

  private LegacyNormalizer() {
  }

  record Result(int replicas, List<Recommendation> recommendations) {
  }

  static Result normalize(HpaSpec spec, HpaConfig config, List<Recommendation> history, int current, int proposal,
      int minReplicas, Instant now, Conditions conditions) {
    // Stabilize: max over recommendations no older than the window (t >= now - window, inclusive here).
    // A zero window means no stabilization at all: upstream's records are always strictly older than its clock
    // reading, but ours share the single `now` of this decision (first sight seeds one at `now`), so a record at
    // exactly the cutoff must not count when the window is zero.
    Instant cutoff = now.minus(config.downscaleStabilization());
    boolean noWindow = config.downscaleStabilization().isZero();
    int stabilized = proposal;
    int oldIndex = -1;
    for (int i = 0; i < history.size(); i++) {
      Recommendation rec = history.get(i);
      if (noWindow || rec.timestamp().isBefore(cutoff)) {
        oldIndex = i;
      } else if (rec.replicas() > stabilized) {
        stabilized = rec.replicas();
      }
    }
    List<Recommendation> next = new ArrayList<>(history);
    Recommendation fresh = new Recommendation(now, proposal);
    if (oldIndex >= 0) {
      next.set(oldIndex, fresh);
    } else {
      next.add(fresh);
    }
    if (stabilized != proposal) {
      conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.SCALE_DOWN_STABILIZED,
          Messages.SCALE_DOWN_STABILIZED);
    } else {
      conditions.set(ConditionType.ABLE_TO_SCALE, true, HpaReason.READY_FOR_NEW_SCALE, Messages.READY_FOR_NEW_SCALE);
    }

    int scaleUpLimit = (int) Math.max(config.legacyScaleUpLimitFactor() * current, config.legacyScaleUpLimitMinimum());
    int maximum;
    HpaReason reason;
    String message;
    if (spec.maxReplicas() > scaleUpLimit) {
      maximum = scaleUpLimit;
      reason = HpaReason.SCALE_UP_LIMIT;
      message = Messages.SCALE_UP_LIMIT;
    } else {
      maximum = spec.maxReplicas();
      reason = HpaReason.TOO_MANY_REPLICAS;
      message = Messages.TOO_MANY_REPLICAS;
    }
    int result = stabilized;
    if (stabilized < minReplicas) {
      result = minReplicas;
      reason = HpaReason.TOO_FEW_REPLICAS;
      message = Messages.TOO_FEW_REPLICAS;
    } else if (stabilized > maximum) {
      result = maximum;
    } else {
      reason = HpaReason.DESIRED_WITHIN_RANGE;
      message = Messages.DESIRED_WITHIN_RANGE;
    }
    conditions.set(ConditionType.SCALING_LIMITED, result != stabilized, reason, message);
    return new Result(result, List.copyOf(next));
  }
}
