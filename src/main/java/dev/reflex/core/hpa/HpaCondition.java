package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * One status condition as this reconcile left it.
 *
 * @param type AbleToScale, ScalingActive or ScalingLimited
 * @param status {@code true} for "True"
 * @param reason the upstream reason
 * @param message the upstream message
 */
public record HpaCondition(ConditionType type, boolean status, HpaReason reason, String message) {

  public HpaCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
