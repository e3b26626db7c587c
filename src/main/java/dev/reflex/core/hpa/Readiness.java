package dev.reflex.core.hpa;

/** The status of a pod's Ready condition; {@link #ABSENT} when the pod has no Ready condition. */
public enum Readiness {
  TRUE,
  FALSE,
  UNKNOWN,
  ABSENT
}
