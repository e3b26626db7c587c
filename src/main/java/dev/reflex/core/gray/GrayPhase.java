package dev.reflex.core.gray;

/** Where a plan stands after a call to {@link GrayPlanner#plan}. */
public enum GrayPhase {
  /** Nothing to change: the profile already matches the target. */
  STEADY,
  /** No gray strategy for this direction: the target applies at once. */
  IMMEDIATE,
  /** Between gray steps; wake at the next step. */
  STEPPING,
  /** 100 % reached; parked pods are held until the observation period ends. */
  OBSERVING,
  /** The plan just finished: the final profile releases every parked pod. */
  COMPLETED
}
