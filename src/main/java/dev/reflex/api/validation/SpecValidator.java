package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.HorizontalPortrait;
import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerSpec;
import dev.reflex.api.v1alpha1.ReplicaProfile;
import dev.reflex.api.v1alpha1.ReplicaProfileSpec;

/**
 * Validates the specs of the three custom resources beyond their OpenAPI schema. Pure: no I/O, no clock, no state,
 * safe from any thread. Field paths in the violations start at the resource root ({@code spec.…}).
 *
 * <p>A controller calls {@link #validate(IntelligentHorizontalPodAutoscaler)} before acting on an IHPA; when the
 * result is not valid it sets {@code ScalingActive=False} with reason {@link ValidationResult#REASON} and message
 * {@link ValidationResult#conditionMessage()}, and scales nothing.
 */
public final class SpecValidator {

  private SpecValidator() {
  }

  /** Validates an IHPA's spec. */
  public static ValidationResult validate(IntelligentHorizontalPodAutoscaler ihpa) {
    return validate(ihpa == null ? null : ihpa.getSpec());
  }

  /** Validates an IHPA spec on its own; paths still start with {@code spec}. */
  public static ValidationResult validate(IntelligentHorizontalPodAutoscalerSpec spec) {
    Checks checks = new Checks();
    if (!checks.required("spec", spec)) {
      return checks.result();
    }
    MetricRules.reference(checks, "spec.scaleTargetRef", spec.scaleTargetRef());
    Integer min = spec.minReplicas();
    Integer max = spec.maxReplicas();
    if (checks.required("spec.minReplicas", min)) {
      checks.atLeast("spec.minReplicas", min, 0);
    }
    if (checks.required("spec.maxReplicas", max)) {
      checks.atLeast("spec.maxReplicas", max, 0);
    }
    if (min != null && max != null && min >= 0 && max >= 0 && max < min) {
      checks.add("spec.maxReplicas", "must not be less than minReplicas (" + min + "), got " + max);
    }
    ProviderRules.check(checks, "spec.portraitProviders", spec.portraitProviders());
    BehaviorRules.behavior(checks, "spec.behavior", spec.behavior(),
        spec.scaleTargetRef() == null ? null : spec.scaleTargetRef().kind());
    BehaviorRules.stabilityCheckers(checks, "spec.stabilityCheckers", spec.stabilityCheckers());
    return checks.result();
  }

  /** Validates a HorizontalPortrait's spec: its workload and its portrait spec. */
  public static ValidationResult validate(HorizontalPortrait portrait) {
    HorizontalPortraitSpec spec = portrait == null ? null : portrait.getSpec();
    Checks checks = new Checks();
    if (checks.required("spec", spec)) {
      MetricRules.reference(checks, "spec.scaleTargetRef", spec.scaleTargetRef());
      PortraitRules.check(checks, "spec", spec);
    }
    return checks.result();
  }

  /** Validates a ReplicaProfile's spec: its workload, counts not negative, behaviour the scaler implements. */
  public static ValidationResult validate(ReplicaProfile profile) {
    ReplicaProfileSpec spec = profile == null ? null : profile.getSpec();
    Checks checks = new Checks();
    if (checks.required("spec", spec)) {
      MetricRules.reference(checks, "spec.scaleTargetRef", spec.scaleTargetRef());
      checks.atLeast("spec.onlineReplicas", spec.onlineReplicas(), 0);
      checks.atLeast("spec.cutoffReplicas", spec.cutoffReplicas(), 0);
      checks.atLeast("spec.standbyReplicas", spec.standbyReplicas(), 0);
      BehaviorRules.replicaProfile(checks, "spec.behavior", spec.behavior());
    }
    return checks.result();
  }
}
