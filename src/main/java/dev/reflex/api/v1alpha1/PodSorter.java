package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** How pods are ranked when some must change state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PodSorter {

  @Default("WorkloadDefault")
  @JsonPropertyDescription("Kind of pod sorter.")
  private PodSorterType type;

  @JsonPropertyDescription("The external sorter, for type External.")
  private ExternalComponent external;

  /** Returns {@code type}: kind of pod sorter; null when unset. */
  public PodSorterType getType() {
    return type;
  }

  /** Sets {@code type}: kind of pod sorter. */
  public void setType(PodSorterType type) {
    this.type = type;
  }

  /** Returns {@code external}: the external sorter, for type External; null when unset. */
  public ExternalComponent getExternal() {
    return external;
  }

  /** Sets {@code external}: the external sorter, for type External. */
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
    PodSorter other = (PodSorter) o;
    return Objects.equals(type, other.type) && Objects.equals(external, other.external);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, external);
  }
}
