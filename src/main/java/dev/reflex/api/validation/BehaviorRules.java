package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.GrayState;
import dev.reflex.api.v1alpha1.GrayStrategy;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerBehavior;
import dev.reflex.api.v1alpha1.PodSorterType;
import dev.reflex.api.v1alpha1.PodTrafficControllerType;
import dev.reflex.api.v1alpha1.ReplicaProfileBehavior;
import dev.reflex.api.v1alpha1.ScalingBehavior;
import dev.reflex.api.v1alpha1.StabilityChecker;
import dev.reflex.api.v1alpha1.StabilityCheckerType;
import dev.reflex.core.WorkloadKind;
import java.util.List;

/**
 * Rules for scaling behaviour: gray strategies in range, replica-profile behaviour the scaler implements, and the
 * declared-only stability checkers at least well-formed.
 */
final class BehaviorRules {

  private BehaviorRules() {
  }

  /**
   * Checks the behaviour of an IHPA.
   *
   * @param targetKind kind of the scale target, or null when unknown; Cutoff and Standby gray states need pods the
   *     scaler can pick, which only Deployments, StatefulSets and ReplicaSets offer
   */
  static void behavior(Checks checks, String path, IntelligentHorizontalPodAutoscalerBehavior behavior,
      String targetKind) {
    if (behavior == null) {
      return;
    }
    direction(checks, path + ".scaleUp", behavior.getScaleUp());
    direction(checks, path + ".scaleDown", behavior.getScaleDown());
    ScalingBehavior down = behavior.getScaleDown();
    GrayState state = down == null || down.getGrayStrategy() == null ? null : down.getGrayStrategy().getGrayState();
    if ((state == GrayState.Cutoff || state == GrayState.Standby) && targetKind != null && !targetKind.isBlank()
        && WorkloadKind.byKind(targetKind).isEmpty()) {
      checks.add(path + ".scaleDown.grayStrategy.grayState", state + " needs a Deployment, StatefulSet or ReplicaSet"
          + " target whose pods can be picked, got " + targetKind + "; use Deleted");
    }
    replicaProfile(checks, path + ".replicaProfile", behavior.getReplicaProfile());
  }

  static void replicaProfile(Checks checks, String path, ReplicaProfileBehavior behavior) {
    if (behavior == null) {
      return;
    }
    if (behavior.getPodSorter() != null && behavior.getPodSorter().getType() == PodSorterType.External) {
      checks.add(path + ".podSorter.type", "External pod sorters are not supported; use WorkloadDefault");
    }
    if (behavior.getPodTrafficController() != null
        && behavior.getPodTrafficController().getType() == PodTrafficControllerType.External) {
      checks.add(path + ".podTrafficController.type",
          "External pod traffic controllers are not supported; use ReadinessGate");
    }
  }

  static void stabilityCheckers(Checks checks, String path, List<StabilityChecker> checkers) {
    if (checkers == null) {
      return;
    }
    for (int i = 0; i < checkers.size(); i++) {
      String at = path + "[" + i + "]";
      StabilityChecker c = checkers.get(i);
      if (!checks.required(at, c)) {
        continue;
      }
      checks.required(at + ".stabilizationAction", c.getStabilizationAction());
      checks.atLeast(at + ".coolDownSeconds", c.getCoolDownSeconds(), 0);
      if (!checks.required(at + ".type", c.getType())) {
        continue;
      }
      if (c.getType() == StabilityCheckerType.Metrics) {
        if (c.getMetrics() == null || c.getMetrics().getMetrics() == null || c.getMetrics().getMetrics().isEmpty()) {
          checks.add(at + ".metrics.metrics", "at least one metric is required for type Metrics");
        } else {
          for (int m = 0; m < c.getMetrics().getMetrics().size(); m++) {
            MetricRules.check(checks, at + ".metrics.metrics[" + m + "]", c.getMetrics().getMetrics().get(m), false);
          }
        }
        checks.absent(at + ".external", c.getExternal(), "type Metrics");
      } else {
        if (checks.required(at + ".external", c.getExternal())) {
          checks.required(at + ".external.name", c.getExternal().getName());
        }
        checks.absent(at + ".metrics", c.getMetrics(), "type External");
      }
    }
  }

  private static void direction(Checks checks, String path, ScalingBehavior behavior) {
    if (behavior == null || behavior.getGrayStrategy() == null) {
      return;
    }
    String at = path + ".grayStrategy";
    GrayStrategy gray = behavior.getGrayStrategy();
    checks.required(at + ".grayState", gray.getGrayState());
    if (checks.required(at + ".changeIntervalSeconds", gray.getChangeIntervalSeconds())) {
      checks.atLeast(at + ".changeIntervalSeconds", gray.getChangeIntervalSeconds(), 1);
    }
    if (checks.required(at + ".changePercent", gray.getChangePercent())) {
      checks.atLeast(at + ".changePercent", gray.getChangePercent(), 1);
      checks.atMost(at + ".changePercent", gray.getChangePercent(), 100);
    }
    checks.atLeast(at + ".observationSeconds", gray.getObservationSeconds(), 0);
  }
}
