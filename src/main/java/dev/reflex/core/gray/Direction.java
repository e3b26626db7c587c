package dev.reflex.core.gray;

/** The direction of a planned change of the online count. */
public enum Direction {
  /** More online pods. */
  UP,
  /** Fewer online pods (or only parked pods to release). */
  DOWN
}
