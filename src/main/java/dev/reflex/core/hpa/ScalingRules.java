package dev.reflex.core.hpa;

import java.util.List;
import java.util.Objects;

/**
 * The rules for one direction of {@code spec.behavior}, with the API defaults already filled in.
 *
 * @param stabilizationWindowSeconds the stabilization window, 0 to 3600 s; {@code null} only for scale-down, where
 *     it means "the controller's downscale stabilization" ({@link HpaConfig#downscaleStabilization()})
 * @param selectPolicy which policy wins
 * @param policies the rate limits, at least one
 * @param tolerance the per-direction tolerance override (Kubernetes 1.33+), or {@code null} for the controller's
 */
public record ScalingRules(
    Integer stabilizationWindowSeconds, SelectPolicy selectPolicy, List<ScalingPolicy> policies, Double tolerance) {

  /** Scale-up defaults: no window, the larger of 4 pods or 100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_UP = new ScalingRules(
      0, SelectPolicy.MAX, List.of(ScalingPolicy.pods(4, 15), ScalingPolicy.percent(100, 15)), null);

  /** Scale-down defaults: the controller's window, 100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_DOWN = new ScalingRules(
      null, SelectPolicy.MAX, List.of(ScalingPolicy.percent(100, 15)), null);

  public ScalingRules {
    Objects.requireNonNull(selectPolicy, "selectPolicy");
    policies = List.copyOf(policies);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("scaling rules need at least one policy");
    }
    if (stabilizationWindowSeconds != null && (stabilizationWindowSeconds < 0 || stabilizationWindowSeconds > 3600)) {
      throw new IllegalArgumentException(
          "stabilizationWindowSeconds must be in [0, 3600], was " + stabilizationWindowSeconds);
    }
    if (tolerance != null && !(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
    }
  }

  /**
   * Scale-up rules with each unset ({@code null}) field taken from {@link #DEFAULT_SCALE_UP}, as the API server
   * defaults them field by field.
   */
  public static ScalingRules scaleUp(
      Integer stabilizationWindowSeconds, SelectPolicy selectPolicy, List<ScalingPolicy> policies, Double tolerance) {
    return withDefaults(DEFAULT_SCALE_UP, stabilizationWindowSeconds, selectPolicy, policies, tolerance);
  }

  /** Scale-down rules with each unset field taken from {@link #DEFAULT_SCALE_DOWN}. */
  public static ScalingRules scaleDown(
      Integer stabilizationWindowSeconds, SelectPolicy selectPolicy, List<ScalingPolicy> policies, Double tolerance) {
    return withDefaults(DEFAULT_SCALE_DOWN, stabilizationWindowSeconds, selectPolicy, policies, tolerance);
  }

  private static ScalingRules withDefaults(ScalingRules defaults, Integer window, SelectPolicy select,
      List<ScalingPolicy> policies, Double tolerance) {
    return new ScalingRules(
        window != null ? window : defaults.stabilizationWindowSeconds,
        select != null ? select : defaults.selectPolicy,
        policies != null && !policies.isEmpty() ? policies : defaults.policies,
        tolerance);
  }

  /** The longest policy period in seconds: scale events older than this can no longer limit anything. */
  public int longestPeriodSeconds() {
    int longest = 0;
    for (ScalingPolicy policy : policies) {
      longest = Math.max(longest, policy.periodSeconds());
    }
    return longest;
  }
}
