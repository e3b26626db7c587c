package dev.reflex.core.hpa;

/**
 * The band of usage ratios that count as "close enough": {@code 1 - down <= ratio <= 1 + up}, both ends inclusive.
 * With the default 0.1 a ratio of 110/100 = 1.1 is inside (no change) while 111/100 is outside.
 */
record Tolerances(double down, double up) {

  boolean within(double ratio) {
    return (1.0 - down) <= ratio && ratio <= (1.0 + up);
  }

  /** Behavior tolerances override the controller's per direction (Kubernetes 1.33+). */
  static Tolerances of(HpaSpec spec, HpaConfig config) {
    double down = config.scaleDownTolerance();
    double up = config.scaleUpTolerance();
    Behavior behavior = spec.behavior();
    if (behavior != null) {
      if (behavior.scaleDown().tolerance() != null) {
        down = behavior.scaleDown().tolerance();
      }
      if (behavior.scaleUp().tolerance() != null) {
        up = behavior.scaleUp().tolerance();
      }
    }
    return new Tolerances(down, up);
  }
}
