package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Observed state of an IntelligentHorizontalPodAutoscaler. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class IntelligentHorizontalPodAutoscalerStatus {

  @JsonPropertyDescription("The portrait value before the current one; the starting point of a gray change.")
  private HorizontalPortraitValue previousPortraitValue;

  @JsonPropertyDescription("The winning portrait value.")
  private HorizontalPortraitValue currentPortraitValue;

  @JsonPropertyDescription("Progress of the current gray change.")
  private GrayStatus gray;

  @JsonPropertyDescription("Conditions ScalingActive, ScalingLimited and GrayProgressing.")
  private List<Condition> conditions;

  /**
   * Returns {@code previousPortraitValue}: the portrait value before the current one; the starting point of a gray
   * change; null when unset.
   */
  public HorizontalPortraitValue getPreviousPortraitValue() {
    return previousPortraitValue;
  }

  /**
   * Sets {@code previousPortraitValue}: the portrait value before the current one; the starting point of a gray
   * change.
   */
  public void setPreviousPortraitValue(HorizontalPortraitValue previousPortraitValue) {
    this.previousPortraitValue = previousPortraitValue;
  }

  /** Returns {@code currentPortraitValue}: the winning portrait value; null when unset. */
  public HorizontalPortraitValue getCurrentPortraitValue() {
    return currentPortraitValue;
  }

  /** Sets {@code currentPortraitValue}: the winning portrait value. */
  public void setCurrentPortraitValue(HorizontalPortraitValue currentPortraitValue) {
    this.currentPortraitValue = currentPortraitValue;
  }

  /** Returns {@code gray}: progress of the current gray change; null when unset. */
  public GrayStatus getGray() {
    return gray;
  }

  /** Sets {@code gray}: progress of the current gray change. */
  public void setGray(GrayStatus gray) {
    this.gray = gray;
  }

  /** Returns {@code conditions}: conditions ScalingActive, ScalingLimited and GrayProgressing; null when unset. */
  public List<Condition> getConditions() {
    return conditions;
  }

  /** Sets {@code conditions}: conditions ScalingActive, ScalingLimited and GrayProgressing. */
  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    IntelligentHorizontalPodAutoscalerStatus other = (IntelligentHorizontalPodAutoscalerStatus) o;
    return Objects.equals(previousPortraitValue, other.previousPortraitValue)
        && Objects.equals(currentPortraitValue, other.currentPortraitValue) && Objects.equals(gray, other.gray)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(previousPortraitValue, currentPortraitValue, gray, conditions);
  }
}
