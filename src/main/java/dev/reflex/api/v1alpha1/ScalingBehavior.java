package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Scaling behaviour in one direction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ScalingBehavior {

  @JsonPropertyDescription("Disables scaling in this direction.")
  private Boolean disabled;

  @JsonPropertyDescription("Gray change strategy; absent means changes apply at once.")
  private GrayStrategy grayStrategy;

  /** Returns {@code disabled}: disables scaling in this direction; null when unset. */
  public Boolean getDisabled() {
    return disabled;
  }

  /** Sets {@code disabled}: disables scaling in this direction. */
  public void setDisabled(Boolean disabled) {
    this.disabled = disabled;
  }

  /** Returns {@code grayStrategy}: gray change strategy; absent means changes apply at once; null when unset. */
  public GrayStrategy getGrayStrategy() {
    return grayStrategy;
  }

  /** Sets {@code grayStrategy}: gray change strategy; absent means changes apply at once. */
  public void setGrayStrategy(GrayStrategy grayStrategy) {
    this.grayStrategy = grayStrategy;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ScalingBehavior other = (ScalingBehavior) o;
    return Objects.equals(disabled, other.disabled) && Objects.equals(grayStrategy, other.grayStrategy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(disabled, grayStrategy);
  }
}
