package dev.reflex.backtest;

import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.KpaConfig;
import dev.reflex.core.kpa.KpaInputException;
import dev.reflex.core.kpa.KpaTarget;
import java.util.HashMap;
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
    return of(workload, Map.of());
  }

  /**
   * The same with an IHPA's KPA algorithm keys over Knative's defaults ({@code stable-window}, ...).
   *
   * @throws IllegalArgumentException naming the key Knative's validation refuses
   */
  static DeciderSpec of(Workload workload, Map<String, Object> algorithmKeys) {
    Map<String, Object> keys = new HashMap<>(algorithmKeys);
    keys.put("min-scale", workload.minReplicas());
    keys.put("max-scale", workload.maxReplicas());
    keys.put("initial-scale", workload.minReplicas());
    keys.put("metric", "rps");
    keys.put("target", workload.podCapacity());
    keys.put("target-utilization-percentage",
        Math.min(100, Math.max(1, 100 * workload.target() / workload.podCapacity())));
    try {
      return DeciderSpec.resolve(KpaConfig.fromMap(keys, KpaTarget.KEYS), KpaTarget.fromMap(keys));
    } catch (KpaInputException e) {
      throw new IllegalArgumentException("algorithm.kpa: " + e.getMessage(), e);
    }
  }
}
