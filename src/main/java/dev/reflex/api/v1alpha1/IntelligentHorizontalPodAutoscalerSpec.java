package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/** Desired behaviour of an IntelligentHorizontalPodAutoscaler. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class IntelligentHorizontalPodAutoscalerSpec {

  @Required
  @JsonPropertyDescription("The workload to scale.")
  private CrossVersionObjectReference scaleTargetRef;

  @JsonPropertyDescription("Pauses autoscaling: the ReplicaProfile is paused and nothing is scaled.")
  private Boolean paused;

  @Required
  @Min(0)
  @JsonPropertyDescription("Lower bound of the online replicas; 0 allows scale to zero.")
  private Integer minReplicas;

  @Required
  @Min(0)
  @JsonPropertyDescription("Upper bound of the online replicas; not less than minReplicas.")
  private Integer maxReplicas;

  @Default("Auto")
  @JsonPropertyDescription("Auto scales the workload; Preview only computes and reports.")
  private ScaleMode scaleMode;

  @Required
  @JsonPropertyDescription("Sources of desired replica counts, merged by priority.")
  private List<HorizontalPortraitProvider> portraitProviders;

  @JsonPropertyDescription("Scaling behaviour.")
  private IntelligentHorizontalPodAutoscalerBehavior behavior;

  @JsonPropertyDescription("Declared for API compatibility; not implemented.")
  private List<StabilityChecker> stabilityCheckers;

  /** Returns {@code scaleTargetRef}: the workload to scale; null when unset. */
  public CrossVersionObjectReference getScaleTargetRef() {
    return scaleTargetRef;
  }

  /** Sets {@code scaleTargetRef}: the workload to scale. */
  public void setScaleTargetRef(CrossVersionObjectReference scaleTargetRef) {
    this.scaleTargetRef = scaleTargetRef;
  }

  /**
   * Returns {@code paused}: pauses autoscaling: the ReplicaProfile is paused and nothing is scaled; null when unset.
   */
  public Boolean getPaused() {
    return paused;
  }

  /** Sets {@code paused}: pauses autoscaling: the ReplicaProfile is paused and nothing is scaled. */
  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  /** Returns {@code minReplicas}: lower bound of the online replicas; 0 allows scale to zero; null when unset. */
  public Integer getMinReplicas() {
    return minReplicas;
  }

  /** Sets {@code minReplicas}: lower bound of the online replicas; 0 allows scale to zero. */
  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  /** Returns {@code maxReplicas}: upper bound of the online replicas; not less than minReplicas; null when unset. */
  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  /** Sets {@code maxReplicas}: upper bound of the online replicas; not less than minReplicas. */
  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  /** Returns {@code scaleMode}: auto scales the workload; Preview only computes and reports; null when unset. */
  public ScaleMode getScaleMode() {
    return scaleMode;
  }

  /** Sets {@code scaleMode}: auto scales the workload; Preview only computes and reports. */
  public void setScaleMode(ScaleMode scaleMode) {
    this.scaleMode = scaleMode;
  }

  /** Returns {@code portraitProviders}: sources of desired replica counts, merged by priority; null when unset. */
  public List<HorizontalPortraitProvider> getPortraitProviders() {
    return portraitProviders;
  }

  /** Sets {@code portraitProviders}: sources of desired replica counts, merged by priority. */
  public void setPortraitProviders(List<HorizontalPortraitProvider> portraitProviders) {
    this.portraitProviders = portraitProviders;
  }

  /** Returns {@code behavior}: scaling behaviour; null when unset. */
  public IntelligentHorizontalPodAutoscalerBehavior getBehavior() {
    return behavior;
  }

  /** Sets {@code behavior}: scaling behaviour. */
  public void setBehavior(IntelligentHorizontalPodAutoscalerBehavior behavior) {
    this.behavior = behavior;
  }

  /** Returns {@code stabilityCheckers}: declared for API compatibility; not implemented; null when unset. */
  public List<StabilityChecker> getStabilityCheckers() {
    return stabilityCheckers;
  }

  /** Sets {@code stabilityCheckers}: declared for API compatibility; not implemented. */
  public void setStabilityCheckers(List<StabilityChecker> stabilityCheckers) {
    this.stabilityCheckers = stabilityCheckers;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IntelligentHorizontalPodAutoscalerSpec other = (IntelligentHorizontalPodAutoscalerSpec) o;
    return Objects.equals(scaleTargetRef, other.scaleTargetRef) && Objects.equals(paused, other.paused)
        && Objects.equals(minReplicas, other.minReplicas) && Objects.equals(maxReplicas, other.maxReplicas)
        && Objects.equals(scaleMode, other.scaleMode) && Objects.equals(portraitProviders, other.portraitProviders)
        && Objects.equals(behavior, other.behavior) && Objects.equals(stabilityCheckers, other.stabilityCheckers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scaleTargetRef, paused, minReplicas, maxReplicas, scaleMode, portraitProviders, behavior,
        stabilityCheckers);
  }
}
