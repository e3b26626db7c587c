package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Objects;

/**
 * Target value of a metric. The type is not an enum on purpose: predictive portraits use the placeholder NA for
 * metrics that only feed history queries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetricTarget {

  @Required
  @JsonPropertyDescription("Target type: Utilization, Value or AverageValue (NA as a placeholder where no target is "
      + "needed).")
  private String type;

  @JsonPropertyDescription("Target value of the metric as a quantity, for Value targets.")
  private Quantity value;

  @JsonPropertyDescription("Target value of the metric averaged over the pods, for AverageValue targets.")
  private Quantity averageValue;

  @JsonPropertyDescription("Target average resource utilization in percent of the pods' requests, for Utilization "
      + "targets.")
  private Integer averageUtilization;

  /**
   * Returns {@code type}: target type: Utilization, Value or AverageValue (NA as a placeholder where no target is
   * needed); null when unset.
   */
  public String getType() {
    return type;
  }

  /**
   * Sets {@code type}: target type: Utilization, Value or AverageValue (NA as a placeholder where no target is
   * needed).
   */
  public void setType(String type) {
    this.type = type;
  }

  /** Returns {@code value}: target value of the metric as a quantity, for Value targets; null when unset. */
  public Quantity getValue() {
    return value;
  }

  /** Sets {@code value}: target value of the metric as a quantity, for Value targets. */
  public void setValue(Quantity value) {
    this.value = value;
  }

  /**
   * Returns {@code averageValue}: target value of the metric averaged over the pods, for AverageValue targets; null
   * when unset.
   */
  public Quantity getAverageValue() {
    return averageValue;
  }

  /** Sets {@code averageValue}: target value of the metric averaged over the pods, for AverageValue targets. */
  public void setAverageValue(Quantity averageValue) {
    this.averageValue = averageValue;
  }

  /**
   * Returns {@code averageUtilization}: target average resource utilization in percent of the pods' requests, for
   * Utilization targets; null when unset.
   */
  public Integer getAverageUtilization() {
    return averageUtilization;
  }

  /**
   * Sets {@code averageUtilization}: target average resource utilization in percent of the pods' requests, for
   * Utilization targets.
   */
  public void setAverageUtilization(Integer averageUtilization) {
    this.averageUtilization = averageUtilization;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MetricTarget other = (MetricTarget) o;
    return Objects.equals(type, other.type) && Objects.equals(value, other.value)
        && Objects.equals(averageValue, other.averageValue)
        && Objects.equals(averageUtilization, other.averageUtilization);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, value, averageValue, averageUtilization);
  }
}
