package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A resource metric (cpu or memory) of the scale target's pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ResourceMetricSource {

  @Required
  @JsonPropertyDescription("Name of the resource: cpu or memory.")
  private String name;

  @Required
  @JsonPropertyDescription("Target value of the resource metric.")
  private MetricTarget target;

  /** Returns {@code name}: name of the resource: cpu or memory; null when unset. */
  public String getName() {
    return name;
  }

  /** Sets {@code name}: name of the resource: cpu or memory. */
  public void setName(String name) {
    this.name = name;
  }

  /** Returns {@code target}: target value of the resource metric; null when unset. */
  public MetricTarget getTarget() {
    return target;
  }

  /** Sets {@code target}: target value of the resource metric. */
  public void setTarget(MetricTarget target) {
    this.target = target;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ResourceMetricSource other = (ResourceMetricSource) o;
    return Objects.equals(name, other.name) && Objects.equals(target, other.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, target);
  }
}
