package dev.reflex.core.portrait;

/** How the merged portrait value relates to min/max; maps onto the IHPA {@code ScalingLimited} condition. */
public enum ReplicaLimit {
  /** Within [min, max]: {@code ScalingLimited=False}. */
  WITHIN_RANGE("DesiredWithinRange",
      "the desired replica count of current portrait value is within the acceptable range"),
  /** Below min, raised to min: {@code ScalingLimited=True}. */
  TOO_FEW("TooFewReplicas",
      "the desired replica count of current portrait value is less than the minimum replica count"),
  /** Above max, lowered to max: {@code ScalingLimited=True}. */
  TOO_MANY("TooManyReplicas",
      "the desired replica count of current portrait value is more than the maximum replica count");

  private final String reason;
  private final String message;

  ReplicaLimit(String reason, String message) {
    this.reason = reason;
    this.message = message;
  }

  /** The condition reason. */
  public String reason() {
    return reason;
  }

  /** The condition message. */
  public String message() {
    return message;
  }

  /** The {@code ScalingLimited} condition status: true when the value had to be clamped. */
  public boolean limited() {
    return this != WITHIN_RANGE;
  }
}
