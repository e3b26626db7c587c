package dev.reflex.backtest;

import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.KpaConfig;
import dev.reflex.core.kpa.KpaTarget;
import java.util.Map;

/** The KPA spec both KPA policies decide with: Knative's defaults, the rps metric at the workload's target. */
final class KpaSpecs {

  private KpaSpecs() {
  }

  /**
   * Knative's defaults (60 s stable window, 6 s panic window, panic at 200 %, scale-up rate 1000, scale-down rate
   * 2) with the workload's bounds, and an rps target of {@code target} per pod: the pod capacity as the total, the
   * target's share of it as the utilization (70 rps of 100 is 70 %).
   */
  static DeciderSpec of(Workload workload) {
    KpaConfig config = KpaConfig.fromMap(Map.of("min-scale", workload.minReplicas(),
        "max-scale", workload.maxReplicas(), "initial-scale", workload.minReplicas()));
    KpaTarget target = KpaTarget.fromMap(Map.of("metric", "rps", "target", workload.podCapacity(),
        "target-utilization-percentage", Math.min(100, Math.max(1, 100 * workload.target() / workload.podCapacity()))));
    return DeciderSpec.resolve(config, target);
  }
}
