package dev.reflex.api.v1alpha1;

/** What a stability checker does when it finds a risk. */
public enum StabilizationAction {
  /** Pause the change. */
  Pause,
  /** Roll the change back. */
  Rollback
}
