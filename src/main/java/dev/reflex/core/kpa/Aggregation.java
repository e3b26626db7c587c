package dev.reflex.core.kpa;

/**
 * How a metric window turns its 1-second buckets into one value, as Knative's
 * {@code autoscaling.knative.dev/metric-aggregation-algorithm} annotation selects.
 */
public enum Aggregation {
  /** Plain average over the buckets written so far (Knative's default). */
  LINEAR("linear"),
  /** Exponentially weighted average, newest bucket heaviest. */
  WEIGHTED_EXPONENTIAL("weighted-exponential");

  private final String wireName;

  Aggregation(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in annotations and JSON documents. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses an algorithm name; Knative accepts both {@code weighted-exponential} and {@code weightedExponential}.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Aggregation parse(String name) {
    switch (name) {
      case "linear":
        return LINEAR;
      case "weighted-exponential":
      case "weightedExponential":
        return WEIGHTED_EXPONENTIAL;
      default:
        throw new IllegalArgumentException(
            "unknown aggregation algorithm \"" + name + "\" (want linear or weighted-exponential)");
    }
  }
}
