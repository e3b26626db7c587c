package dev.reflex.backtest;

import java.time.Duration;
import java.util.Objects;

/**
 * The workload every policy scales.
 *
 * @param podCapacity requests per second one ready pod serves; more is unserved
 * @param target the per-pod requests per second every policy aims at (below capacity: the headroom)
 * @param podStartup creation to Ready
 * @param podStartupJitter each pod's startup is {@code podStartup} plus a uniform draw in ±jitter (never below 0)
 * @param minReplicas the fewest pods, at least 1
 * @param maxReplicas the most pods
 * @param initialReplicas the ready pods at the start; -1 for what the first second needs at the target
 * @param seed the seed of the startup draws, so a run is repeatable
 */
public record Workload(double podCapacity, double target, Duration podStartup, Duration podStartupJitter,
    int minReplicas, int maxReplicas, int initialReplicas, long seed) {

  public Workload {
    if (!(podCapacity > 0) || Double.isInfinite(podCapacity)) {
      throw new IllegalArgumentException("pod-capacity: must be a positive number, was " + podCapacity);
    }
    if (!(target > 0) || target > podCapacity) {
      throw new IllegalArgumentException("target: must be positive and at most the pod capacity (" + podCapacity
          + "), was " + target);
    }
    Objects.requireNonNull(podStartup, "podStartup");
    Objects.requireNonNull(podStartupJitter, "podStartupJitter");
    if (podStartup.isNegative() || podStartupJitter.isNegative()) {
      throw new IllegalArgumentException("pod-startup and pod-startup-jitter cannot be negative");
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException("min: must be at least 1, was " + minReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException("max: must be at least min (" + minReplicas + "), was " + maxReplicas);
    }
    if (initialReplicas != -1 && (initialReplicas < minReplicas || initialReplicas > maxReplicas)) {
      throw new IllegalArgumentException("initial: must be within [min, max], was " + initialReplicas);
    }
  }

  /** The default target: 70 % of the capacity, Knative's and many HPAs' headroom. */
  public static double defaultTarget(double podCapacity) {
    return podCapacity * 0.7;
  }

  /**
   * The pods a demand needs at the target, within [min, max]: 150 rps at a target of 70 needs ceil(2.14) = 3.
   * A small allowance keeps 3.0000000001 pods' worth of rounding noise at 3.
   */
  public int required(double rps) {
    return clamp((int) Math.min(Integer.MAX_VALUE, Math.ceil(rps / target - 1e-9)));
  }

  /** {@code replicas} within [min, max]. */
  public int clamp(int replicas) {
    return Math.max(minReplicas, Math.min(maxReplicas, replicas));
  }
}
