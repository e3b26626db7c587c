package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Objects;

/** Names a metric and optionally narrows it by labels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetricIdentifier {

  @Required
  @JsonPropertyDescription("Name of the metric.")
  private String name;

  @JsonPropertyDescription("Label selector narrowing the metric series; absent means the metric name alone.")
  private LabelSelector selector;

  /** Returns {@code name}: name of the metric; null when unset. */
  public String getName() {
    return name;
  }

  /** Sets {@code name}: name of the metric. */
  public void setName(String name) {
    this.name = name;
  }

  /**
   * Returns {@code selector}: label selector narrowing the metric series; absent means the metric name alone; null
   * when unset.
   */
  public LabelSelector getSelector() {
    return selector;
  }

  /** Sets {@code selector}: label selector narrowing the metric series; absent means the metric name alone. */
  public void setSelector(LabelSelector selector) {
    this.selector = selector;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MetricIdentifier other = (MetricIdentifier) o;
    return Objects.equals(name, other.name) && Objects.equals(selector, other.selector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, selector);
  }
}
