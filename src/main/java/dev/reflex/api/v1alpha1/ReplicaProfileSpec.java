package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Desired pod counts per state for a workload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReplicaProfileSpec {

  @Required
  @JsonPropertyDescription("The workload whose pods are controlled.")
  private CrossVersionObjectReference scaleTargetRef;

  @Min(0)
  @JsonPropertyDescription("Desired pods serving traffic.")
  private Integer onlineReplicas;

  @Min(0)
  @JsonPropertyDescription("Desired pods kept running without traffic.")
  private Integer cutoffReplicas;

  @Min(0)
  @JsonPropertyDescription("Desired pods kept in standby.")
  private Integer standbyReplicas;

  @JsonPropertyDescription("Stops all replica control.")
  private Boolean paused;

  @Default("Both")
  @JsonPropertyDescription("Directions in which the online count may change.")
  private AllowedScalingDirection allowedScalingDirection;

  @JsonPropertyDescription("How pods are picked and traffic controlled.")
  private ReplicaProfileBehavior behavior;

  /** Returns {@code scaleTargetRef}: the workload whose pods are controlled; null when unset. */
  public CrossVersionObjectReference getScaleTargetRef() {
    return scaleTargetRef;
  }

  /** Sets {@code scaleTargetRef}: the workload whose pods are controlled. */
  public void setScaleTargetRef(CrossVersionObjectReference scaleTargetRef) {
    this.scaleTargetRef = scaleTargetRef;
  }

  /** Returns {@code onlineReplicas}: desired pods serving traffic; null when unset. */
  public Integer getOnlineReplicas() {
    return onlineReplicas;
  }

  /** Sets {@code onlineReplicas}: desired pods serving traffic. */
  public void setOnlineReplicas(Integer onlineReplicas) {
    this.onlineReplicas = onlineReplicas;
  }

  /** Returns {@code cutoffReplicas}: desired pods kept running without traffic; null when unset. */
  public Integer getCutoffReplicas() {
    return cutoffReplicas;
  }

  /** Sets {@code cutoffReplicas}: desired pods kept running without traffic. */
  public void setCutoffReplicas(Integer cutoffReplicas) {
    this.cutoffReplicas = cutoffReplicas;
  }

  /** Returns {@code standbyReplicas}: desired pods kept in standby; null when unset. */
  public Integer getStandbyReplicas() {
    return standbyReplicas;
  }

  /** Sets {@code standbyReplicas}: desired pods kept in standby. */
  public void setStandbyReplicas(Integer standbyReplicas) {
    this.standbyReplicas = standbyReplicas;
  }

  /** Returns {@code paused}: stops all replica control; null when unset. */
  public Boolean getPaused() {
    return paused;
  }

  /** Sets {@code paused}: stops all replica control. */
  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  /** Returns {@code allowedScalingDirection}: directions in which the online count may change; null when unset. */
  public AllowedScalingDirection getAllowedScalingDirection() {
    return allowedScalingDirection;
  }

  /** Sets {@code allowedScalingDirection}: directions in which the online count may change. */
  public void setAllowedScalingDirection(AllowedScalingDirection allowedScalingDirection) {
    this.allowedScalingDirection = allowedScalingDirection;
  }

  /** Returns {@code behavior}: how pods are picked and traffic controlled; null when unset. */
  public ReplicaProfileBehavior getBehavior() {
    return behavior;
  }

  /** Sets {@code behavior}: how pods are picked and traffic controlled. */
  public void setBehavior(ReplicaProfileBehavior behavior) {
    this.behavior = behavior;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ReplicaProfileSpec other = (ReplicaProfileSpec) o;
    return Objects.equals(scaleTargetRef, other.scaleTargetRef)
        && Objects.equals(onlineReplicas, other.onlineReplicas)
        && Objects.equals(cutoffReplicas, other.cutoffReplicas)
        && Objects.equals(standbyReplicas, other.standbyReplicas) && Objects.equals(paused, other.paused)
        && Objects.equals(allowedScalingDirection, other.allowedScalingDirection)
        && Objects.equals(behavior, other.behavior);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scaleTargetRef, onlineReplicas, cutoffReplicas, standbyReplicas, paused,
        allowedScalingDirection, behavior);
  }
}
