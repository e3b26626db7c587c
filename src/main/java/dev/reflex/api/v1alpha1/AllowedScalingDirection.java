package dev.reflex.api.v1alpha1;

/** Directions in which the online replica count may change. */
public enum AllowedScalingDirection {
  /** Up and down. */
  Both,
  /** No change. */
  Neither,
  /** Only up. */
  Up,
  /** Only down. */
  Down
}
