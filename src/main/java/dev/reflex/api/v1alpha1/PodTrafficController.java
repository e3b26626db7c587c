package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** How traffic is switched on and off for pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PodTrafficController {

  @Default("ReadinessGate")
  @JsonPropertyDescription("Kind of traffic controller.")
  private PodTrafficControllerType type;

  @JsonPropertyDescription("The external controller, for type External.")
  private ExternalComponent external;

  /** Returns {@code type}: kind of traffic controller; null when unset. */
  public PodTrafficControllerType getType() {
    return type;
  }

  /** Sets {@code type}: kind of traffic controller. */
  public void setType(PodTrafficControllerType type) {
    this.type = type;
  }

  /** Returns {@code external}: the external controller, for type External; null when unset. */
  public ExternalComponent getExternal() {
    return external;
  }

  /** Sets {@code external}: the external controller, for type External. */
  public void setExternal(ExternalComponent external) {
    this.external = external;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PodTrafficController other = (PodTrafficController) o;
    return Objects.equals(type, other.type) && Objects.equals(external, other.external);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, external);
  }
}
