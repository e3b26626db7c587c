package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Scaling behaviour of an IHPA. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class IntelligentHorizontalPodAutoscalerBehavior {

  @JsonPropertyDescription("Behaviour when scaling up.")
  private ScalingBehavior scaleUp;

  @JsonPropertyDescription("Behaviour when scaling down.")
  private ScalingBehavior scaleDown;

  @JsonPropertyDescription("Behaviour copied into the ReplicaProfile; absent means the default sorter and "
      + "readiness-gate traffic control.")
  private ReplicaProfileBehavior replicaProfile;

  /** Returns {@code scaleUp}: behaviour when scaling up; null when unset. */
  public ScalingBehavior getScaleUp() {
    return scaleUp;
  }

  /** Sets {@code scaleUp}: behaviour when scaling up. */
  public void setScaleUp(ScalingBehavior scaleUp) {
    this.scaleUp = scaleUp;
  }

  /** Returns {@code scaleDown}: behaviour when scaling down; null when unset. */
  public ScalingBehavior getScaleDown() {
    return scaleDown;
  }

  /** Sets {@code scaleDown}: behaviour when scaling down. */
  public void setScaleDown(ScalingBehavior scaleDown) {
    this.scaleDown = scaleDown;
  }

  /**
   * Returns {@code replicaProfile}: behaviour copied into the ReplicaProfile; absent means the default sorter and
   * readiness-gate traffic control; null when unset.
   */
  public ReplicaProfileBehavior getReplicaProfile() {
    return replicaProfile;
  }

  /**
   * Sets {@code replicaProfile}: behaviour copied into the ReplicaProfile; absent means the default sorter and
   * readiness-gate traffic control.
   */
  public void setReplicaProfile(ReplicaProfileBehavior replicaProfile) {
    this.replicaProfile = replicaProfile;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IntelligentHorizontalPodAutoscalerBehavior other = (IntelligentHorizontalPodAutoscalerBehavior) o;
    return Objects.equals(scaleUp, other.scaleUp) && Objects.equals(scaleDown, other.scaleDown)
        && Objects.equals(replicaProfile, other.replicaProfile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scaleUp, scaleDown, replicaProfile);
  }
}
