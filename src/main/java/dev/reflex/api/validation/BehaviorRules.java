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
    direction(checks, path + ".scaleUp", behavior.scaleUp());
    direction(checks, path + ".scaleDown", behavior.scaleDown());
    ScalingBehavior down = behavior.scaleDown();
    GrayState state = down == null || down.grayStrategy() == null ? null : down.grayStrategy().grayState();
    if ((state == GrayState.Cutoff || state == GrayState.Standby) && targetKind != null && !targetKind.isBlank()
        && WorkloadKind.byKind(targetKind).isEmpty()) {
      checks.add(path + ".scaleDown.grayStrategy.grayState", state + " needs a Deployment, StatefulSet or ReplicaSet"
          + " target whose pods can be picked, got " + targetKind + "; use Deleted");
    }
    replicaProfile(checks, path + ".replicaProfile", behavior.replicaProfile());
  }

  static void replicaProfile(Checks checks, String path, ReplicaProfileBehavior behavior) {
    if (behavior == null) {
      return;
    }
    if (behavior.podSorter() != null && behavior.podSorter().type() == PodSorterType.External) {
      checks.add(path + ".podSorter.type", "External pod sorters are not supported; use WorkloadDefault");
    }
    if (behavior.podTrafficController() != null
        && behavior.podTrafficController().type() == PodTrafficControllerType.External) {
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
      checks.required(at + ".stabilizationAction", c.stabilizationAction());
      checks.atLeast(at + ".coolDownSeconds", c.coolDownSeconds(), 0);
      if (!checks.required(at + ".type", c.type())) {
        continue;
      }
      if (c.type() == StabilityCheckerType.Metrics) {
        if (c.metrics() == null || c.metrics().metrics() == null || c.metrics().metrics().isEmpty()) {
          checks.add(at + ".metrics.metrics", "at least one metric is required for type Metrics");
        } else {
          for (int m = 0; m < c.metrics().metrics().size(); m++) {
            MetricRules.check(checks, at + ".metrics.metrics[" + m + "]", c.metrics().metrics().get(m), false);
          }
        }
        checks.absent(at + ".external", c.external(), "type Metrics");
      } else {
        if (checks.required(at + ".external", c.external())) {
          checks.required(at + ".external.name", c.external().name());
        }
        checks.absent(at + ".metrics", c.metrics(), "type External");
      }
    }
  }

  private static void direction(Checks checks, String path, ScalingBehavior behavior) {
    if (behavior == null || behavior.grayStrategy() == null) {
      return;
    }
    String at = path + ".grayStrategy";
    GrayStrategy gray = behavior.grayStrategy();
    checks.required(at + ".grayState", gray.grayState());
    if (checks.required(at + ".changeIntervalSeconds", gray.changeIntervalSeconds())) {
      checks.atLeast(at + ".changeIntervalSeconds", gray.changeIntervalSeconds(), 1);
    }
    if (checks.required(at + ".changePercent", gray.changePercent())) {
      checks.atLeast(at + ".changePercent", gray.changePercent(), 1);
      checks.atMost(at + ".changePercent", gray.changePercent(), 100);
    }
    checks.atLeast(at + ".observationSeconds", gray.observationSeconds(), 0);
  }
}
