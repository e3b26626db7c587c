package dev.reflex.api.v1alpha1;

/** Kind of pod traffic controller. */
public enum PodTrafficControllerType {
  /** The kapacitystack.io/online readiness gate. */
  ReadinessGate,
  /** An external controller (not implemented). */
  External
}
