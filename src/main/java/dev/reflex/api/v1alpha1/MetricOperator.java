package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Comparison operator of a metric spec; declared for stability checkers and not evaluated by the scaler. */
public enum MetricOperator {
  /** Equal to the target. */
  @JsonProperty("==")
  EQUAL,
  /** Greater than the target. */
  @JsonProperty(">")
  GREATER,
  /** Less than the target. */
  @JsonProperty("<")
  LESS,
  /** Greater than or equal to the target. */
  @JsonProperty(">=")
  GREATER_OR_EQUAL,
  /** Less than or equal to the target. */
  @JsonProperty("<=")
  LESS_OR_EQUAL
}
