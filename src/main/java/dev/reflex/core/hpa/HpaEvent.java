package dev.reflex.core.hpa;

import java.util.Objects;

/**
 * A Kubernetes event the reconcile emits on the HPA.
 *
 * @param warning {@code true} for type Warning, {@code false} for Normal
 * @param reason the upstream reason
 * @param message the upstream message, e.g. {@code New size: 3; reason: cpu resource utilization (percentage of
 *     request) above target}
 */
public record HpaEvent(boolean warning, HpaReason reason, String message) {

  public HpaEvent {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** {@code Normal} or {@code Warning}. */
  public String type() {
    return warning ? "Warning" : "Normal";
  }
}
