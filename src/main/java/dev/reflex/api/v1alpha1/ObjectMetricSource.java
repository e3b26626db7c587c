package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A metric describing a single Kubernetes object, for example the requests per second of an Ingress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ObjectMetricSource {

  @Required
  @JsonPropertyDescription("The object the metric describes.")
  private CrossVersionObjectReference describedObject;

  @Required
  @JsonPropertyDescription("The metric to read.")
  private MetricIdentifier metric;

  @Required
  @JsonPropertyDescription("Target value of the metric: Value or AverageValue.")
  private MetricTarget target;

  /** Returns {@code describedObject}: the object the metric describes; null when unset. */
  public CrossVersionObjectReference getDescribedObject() {
    return describedObject;
  }

  /** Sets {@code describedObject}: the object the metric describes. */
  public void setDescribedObject(CrossVersionObjectReference describedObject) {
    this.describedObject = describedObject;
  }

  /** Returns {@code metric}: the metric to read; null when unset. */
  public MetricIdentifier getMetric() {
    return metric;
  }

  /** Sets {@code metric}: the metric to read. */
  public void setMetric(MetricIdentifier metric) {
    this.metric = metric;
  }

  /** Returns {@code target}: target value of the metric: Value or AverageValue; null when unset. */
  public MetricTarget getTarget() {
    return target;
  }

  /** Sets {@code target}: target value of the metric: Value or AverageValue. */
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
    ObjectMetricSource other = (ObjectMetricSource) o;
    return Objects.equals(describedObject, other.describedObject) && Objects.equals(metric, other.metric)
        && Objects.equals(target, other.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(describedObject, metric, target);
  }
}
