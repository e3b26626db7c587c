package dev.reflex.core.hpa;

import java.time.Duration;
import java.util.Objects;

/**
 * The controller-wide settings (kube-controller-manager flags upstream).
 *
 * @param scaleUpTolerance ratio above 1 that still counts as "no change", default 0.1
 * @param scaleDownTolerance ratio below 1 that still counts as "no change", default 0.1
 * @param cpuInitializationPeriod how long after start a pod's cpu samples are distrusted, default 5 min
 * @param initialReadinessDelay how long after start a not-ready pod counts as still starting, default 30 s
 * @param downscaleStabilization the legacy window and the default scale-down window, default 5 min
 * @param legacyScaleUpLimitFactor legacy path: at most this many times the current replicas, default 2
 * @param legacyScaleUpLimitMinimum legacy path: but always allow at least this many, default 4
 */
public record HpaConfig(double scaleUpTolerance, double scaleDownTolerance, Duration cpuInitializationPeriod,
    Duration initialReadinessDelay, Duration downscaleStabilization, double legacyScaleUpLimitFactor,
    double legacyScaleUpLimitMinimum) {

  /** The upstream defaults. */
  public static final HpaConfig DEFAULTS = new HpaConfig(0.1, 0.1, Duration.ofMinutes(5), Duration.ofSeconds(30),
      Duration.ofMinutes(5), 2.0, 4.0);

  public HpaConfig {
    if (!(scaleUpTolerance >= 0) || !(scaleDownTolerance >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0");
    }
    Objects.requireNonNull(cpuInitializationPeriod, "cpuInitializationPeriod");
    Objects.requireNonNull(initialReadinessDelay, "initialReadinessDelay");
    Objects.requireNonNull(downscaleStabilization, "downscaleStabilization");
    if (cpuInitializationPeriod.isNegative() || initialReadinessDelay.isNegative()
        || downscaleStabilization.isNegative()) {
      throw new IllegalArgumentException("durations must be >= 0");
    }
    if (!(legacyScaleUpLimitFactor > 0) || !(legacyScaleUpLimitMinimum >= 0)) {
      throw new IllegalArgumentException("legacy scale-up limits must be positive");
    }
  }
}
