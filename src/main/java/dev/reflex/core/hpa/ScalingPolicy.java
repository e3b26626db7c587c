package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * One rate limit: at most {@code value} pods (or percent) of change within {@code periodSeconds}.
 *
 * @param type Pods or Percent
 * @param value the allowed change, positive
 * @param periodSeconds the look-back period, 1 to 1800 s
 */
public record ScalingPolicy(ScalingPolicyType type, int value, int periodSeconds) {

  public ScalingPolicy {
    Objects.requireNonNull(type, "type");
    if (value <= 0) {
      throw new IllegalArgumentException("policy value must be positive, was " + value);
    }
    if (periodSeconds <= 0 || periodSeconds > 1800) {
      throw new IllegalArgumentException("policy periodSeconds must be in [1, 1800], was " + periodSeconds);
    }
  }

  /** A Pods policy. */
  public static ScalingPolicy pods(int value, int periodSeconds) {
    return new ScalingPolicy(ScalingPolicyType.PODS, value, periodSeconds);
  }

  /** A Percent policy. */
  public static ScalingPolicy percent(int value, int periodSeconds) {
    return new ScalingPolicy(ScalingPolicyType.PERCENT, value, periodSeconds);
  }
}
