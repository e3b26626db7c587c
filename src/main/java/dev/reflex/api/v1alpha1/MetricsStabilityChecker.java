package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/** A stability checker over metrics (declared, not implemented). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetricsStabilityChecker {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Metrics to check.")
  private List<MetricSpec> metrics;

  /** Returns {@code metrics}: metrics to check; null when unset. */
  public List<MetricSpec> getMetrics() {
    return metrics;
  }

  /** Sets {@code metrics}: metrics to check. */
  public void setMetrics(List<MetricSpec> metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MetricsStabilityChecker other = (MetricsStabilityChecker) o;
    return Objects.equals(metrics, other.metrics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metrics);
  }
}
