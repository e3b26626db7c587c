package dev.reflex.api.v1alpha1;

/** Kind of stability checker. */
public enum StabilityCheckerType {
  /** Checks metrics. */
  Metrics,
  /** Delegates to an external checker. */
  External
}
