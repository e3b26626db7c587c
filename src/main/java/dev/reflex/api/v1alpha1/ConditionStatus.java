package dev.reflex.api.v1alpha1;

/** Status of a condition, as in metav1.Condition. */
public enum ConditionStatus {
  /** The condition holds. */
  True,
  /** The condition does not hold. */
  False,
  /** It cannot be told whether the condition holds. */
  Unknown
}
