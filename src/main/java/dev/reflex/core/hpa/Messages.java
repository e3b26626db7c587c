package dev.reflex.core.hpa;

/** The fixed condition and event texts of the upstream controller. */
final class Messages {

  static final String SUCCEEDED_GET_SCALE = "the HPA controller was able to get the target's current scale";
  static final String SCALING_DISABLED = "scaling is disabled since the replica count of the target is zero";
  static final String MISSING_SELECTOR = "the HPA target's scale is missing a selector";
  static final String SELECTOR_REQUIRED = "selector is required";
  static final String INVALID_SELECTOR_PREFIX =
      "couldn't convert selector into a corresponding internal selector object: ";
  static final String UNABLE_TO_COMPUTE_PREFIX = "the HPA was unable to compute the replica count: ";
  static final String VALID_METRIC_PREFIX = "the HPA was able to successfully calculate a replica count from ";
  static final String READY_FOR_NEW_SCALE = "recommended size matches current size";
  static final String SCALE_DOWN_STABILIZED =
      "recent recommendations were higher than current one, applying the highest recent recommendation";
  static final String SCALE_UP_STABILIZED =
      "recent recommendations were lower than current one, applying the lowest recent recommendation";
  static final String SUCCEEDED_RESCALE_PREFIX = "the HPA controller was able to update the target scale to ";
  static final String DESIRED_WITHIN_RANGE = "the desired count is within the acceptable range";
  static final String TOO_MANY_REPLICAS = "the desired replica count is more than the maximum replica count";
  static final String TOO_FEW_REPLICAS = "the desired replica count is less than the minimum replica count";
  static final String SCALE_UP_LIMIT = "the desired replica count is increasing faster than the maximum scale rate";
  static final String SCALE_DOWN_LIMIT = "the desired replica count is decreasing faster than the maximum scale rate";
  static final String ABOVE_MAX = "Current number of replicas above Spec.MaxReplicas";
  static final String BELOW_MIN = "Current number of replicas below Spec.MinReplicas";
  static final String ALL_BELOW_TARGET = "All metrics below target";
  static final String PROPOSED_REPLICAS = "proposed replicas";

  private Messages() {
  }
}
