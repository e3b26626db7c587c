package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A metric describing each pod of the scale target, averaged over the pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PodsMetricSource {

  @Required
  @JsonPropertyDescription("The metric to read.")
  private MetricIdentifier metric;

  @Required
  @JsonPropertyDescription("Target value of the metric; only AverageValue is meaningful.")
  private MetricTarget target;

  /** Returns {@code metric}: the metric to read; null when unset. */
  public MetricIdentifier getMetric() {
    return metric;
  }

  /** Sets {@code metric}: the metric to read. */
  public void setMetric(MetricIdentifier metric) {
    this.metric = metric;
  }

  /** Returns {@code target}: target value of the metric; only AverageValue is meaningful; null when unset. */
  public MetricTarget getTarget() {
    return target;
  }

  /** Sets {@code target}: target value of the metric; only AverageValue is meaningful. */
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
    PodsMetricSource other = (PodsMetricSource) o;
    return Objects.equals(metric, other.metric) && Objects.equals(target, other.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metric, target);
  }
}
