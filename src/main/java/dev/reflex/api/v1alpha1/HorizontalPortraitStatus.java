package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Observed state of a HorizontalPortrait. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class HorizontalPortraitStatus {

  @JsonPropertyDescription("The generated portrait data.")
  private HorizontalPortraitData portraitData;

  @JsonPropertyDescription("Condition PortraitGenerated.")
  private List<Condition> conditions;

  /** Returns {@code portraitData}: the generated portrait data; null when unset. */
  public HorizontalPortraitData getPortraitData() {
    return portraitData;
  }

  /** Sets {@code portraitData}: the generated portrait data. */
  public void setPortraitData(HorizontalPortraitData portraitData) {
    this.portraitData = portraitData;
  }

  /** Returns {@code conditions}: condition PortraitGenerated; null when unset. */
  public List<Condition> getConditions() {
    return conditions;
  }

  /** Sets {@code conditions}: condition PortraitGenerated. */
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
    HorizontalPortraitStatus other = (HorizontalPortraitStatus) o;
    return Objects.equals(portraitData, other.portraitData) && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(portraitData, conditions);
  }
}
