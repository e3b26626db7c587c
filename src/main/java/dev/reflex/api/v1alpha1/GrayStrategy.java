package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** How a change of replicas is applied in stages (gray change). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class GrayStrategy {

  @Required
  @JsonPropertyDescription("State of the pods in the gray stage; for scale-up only Online is meaningful.")
  private GrayState grayState;

  @Required
  @Min(1)
  @JsonPropertyDescription("Seconds between two gray steps.")
  private Integer changeIntervalSeconds;

  @Required
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Percentage of the total change applied per step, cumulative.")
  private Integer changePercent;

  @Min(0)
  @JsonPropertyDescription("Extra seconds of observation after reaching 100 percent before the gray pods are released.")
  private Integer observationSeconds;

  /**
   * Returns {@code grayState}: state of the pods in the gray stage; for scale-up only Online is meaningful; null when
   * unset.
   */
  public GrayState getGrayState() {
    return grayState;
  }

  /** Sets {@code grayState}: state of the pods in the gray stage; for scale-up only Online is meaningful. */
  public void setGrayState(GrayState grayState) {
    this.grayState = grayState;
  }

  /** Returns {@code changeIntervalSeconds}: seconds between two gray steps; null when unset. */
  public Integer getChangeIntervalSeconds() {
    return changeIntervalSeconds;
  }

  /** Sets {@code changeIntervalSeconds}: seconds between two gray steps. */
  public void setChangeIntervalSeconds(Integer changeIntervalSeconds) {
    this.changeIntervalSeconds = changeIntervalSeconds;
  }

  /** Returns {@code changePercent}: percentage of the total change applied per step, cumulative; null when unset. */
  public Integer getChangePercent() {
    return changePercent;
  }

  /** Sets {@code changePercent}: percentage of the total change applied per step, cumulative. */
  public void setChangePercent(Integer changePercent) {
    this.changePercent = changePercent;
  }

  /**
   * Returns {@code observationSeconds}: extra seconds of observation after reaching 100 percent before the gray pods
   * are released; null when unset.
   */
  public Integer getObservationSeconds() {
    return observationSeconds;
  }

  /**
   * Sets {@code observationSeconds}: extra seconds of observation after reaching 100 percent before the gray pods are
   * released.
   */
  public void setObservationSeconds(Integer observationSeconds) {
    this.observationSeconds = observationSeconds;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    GrayStrategy other = (GrayStrategy) o;
    return Objects.equals(grayState, other.grayState)
        && Objects.equals(changeIntervalSeconds, other.changeIntervalSeconds)
        && Objects.equals(changePercent, other.changePercent)
        && Objects.equals(observationSeconds, other.observationSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(grayState, changeIntervalSeconds, changePercent, observationSeconds);
  }
}
