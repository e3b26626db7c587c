package dev.reflex.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load knob of the embedded cluster: CPU demand per workload in millicores, shared by the workload's Ready pods.
 * More Ready pods means less CPU each, so a CPU-driven autoscaler sees its scale-up take effect.
 */
public final class SimulatedLoad {

  private final int defaultMillicores;
  private final Map<String, Integer> byWorkload = new ConcurrentHashMap<>();

  public SimulatedLoad(int defaultMillicores) {
    this.defaultMillicores = defaultMillicores;
  }

  /**
   * Sets the demand of one workload.
   *
   * @param workload {@code namespace/Kind/name}, e.g. {@code default/StatefulSet/nginx}
   */
  public void set(String workload, int millicores) {
    if (millicores < 0) {
      throw new IllegalArgumentException("millicores must not be negative");
    }
    byWorkload.put(workload, millicores);
  }

  public int millicores(String workload) {
    return byWorkload.getOrDefault(workload, defaultMillicores);
  }
}
