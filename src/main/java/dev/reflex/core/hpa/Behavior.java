package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * {@code spec.behavior} with defaults filled. An HPA without behavior is represented by a {@code null}
 * {@link HpaSpec#behavior()} and takes the legacy path instead.
 *
 * @param scaleUp the scale-up rules
 * @param scaleDown the scale-down rules
 */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  /** A behavior block that is present but empty: both directions at their defaults. */
  public static final Behavior DEFAULTS = new Behavior(ScalingRules.DEFAULT_SCALE_UP, ScalingRules.DEFAULT_SCALE_DOWN);

  public Behavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
    if (scaleUp.stabilizationWindowSeconds() == null) {
      scaleUp = ScalingRules.scaleUp(0, scaleUp.selectPolicy(), scaleUp.policies(), scaleUp.tolerance());
    }
  }
}
