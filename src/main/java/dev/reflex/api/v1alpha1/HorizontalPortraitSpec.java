package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * Desired state of a HorizontalPortrait: the workload and the portrait spec copied from the IHPA's Dynamic provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class HorizontalPortraitSpec extends PortraitSpec {

  @Required
  @JsonPropertyDescription("The workload the portrait is for.")
  private CrossVersionObjectReference scaleTargetRef;

  /** Returns {@code scaleTargetRef}: the workload the portrait is for; null when unset. */
  public CrossVersionObjectReference getScaleTargetRef() {
    return scaleTargetRef;
  }

  /** Sets {@code scaleTargetRef}: the workload the portrait is for. */
  public void setScaleTargetRef(CrossVersionObjectReference scaleTargetRef) {
    this.scaleTargetRef = scaleTargetRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass() || !super.equals(o)) {
      return false;
    }
    HorizontalPortraitSpec other = (HorizontalPortraitSpec) o;
    return Objects.equals(scaleTargetRef, other.scaleTargetRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), scaleTargetRef);
  }
}
