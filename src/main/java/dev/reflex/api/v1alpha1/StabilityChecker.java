package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * Declared for API compatibility: checks a change for risk and pauses or rolls it back. Not implemented by the scaler.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StabilityChecker {

  @Required
  @JsonPropertyDescription("Kind of checker.")
  private StabilityCheckerType type;

  @Required
  @JsonPropertyDescription("What to do on a risk.")
  private StabilizationAction stabilizationAction;

  @Min(0)
  @JsonPropertyDescription("Seconds to wait after an action.")
  private Integer coolDownSeconds;

  @JsonPropertyDescription("The metrics checker, for type Metrics.")
  private MetricsStabilityChecker metrics;

  @JsonPropertyDescription("The external checker, for type External.")
  private ExternalComponent external;

  /** Returns {@code type}: kind of checker; null when unset. */
  public StabilityCheckerType getType() {
    return type;
  }

  /** Sets {@code type}: kind of checker. */
  public void setType(StabilityCheckerType type) {
    this.type = type;
  }

  /** Returns {@code stabilizationAction}: what to do on a risk; null when unset. */
  public StabilizationAction getStabilizationAction() {
    return stabilizationAction;
  }

  /** Sets {@code stabilizationAction}: what to do on a risk. */
  public void setStabilizationAction(StabilizationAction stabilizationAction) {
    this.stabilizationAction = stabilizationAction;
  }

  /** Returns {@code coolDownSeconds}: seconds to wait after an action; null when unset. */
  public Integer getCoolDownSeconds() {
    return coolDownSeconds;
  }

  /** Sets {@code coolDownSeconds}: seconds to wait after an action. */
  public void setCoolDownSeconds(Integer coolDownSeconds) {
    this.coolDownSeconds = coolDownSeconds;
  }

  /** Returns {@code metrics}: the metrics checker, for type Metrics; null when unset. */
  public MetricsStabilityChecker getMetrics() {
    return metrics;
  }

  /** Sets {@code metrics}: the metrics checker, for type Metrics. */
  public void setMetrics(MetricsStabilityChecker metrics) {
    this.metrics = metrics;
  }

  /** Returns {@code external}: the external checker, for type External; null when unset. */
  public ExternalComponent getExternal() {
    return external;
  }

  /** Sets {@code external}: the external checker, for type External. */
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
    StabilityChecker other = (StabilityChecker) o;
    return Objects.equals(type, other.type) && Objects.equals(stabilizationAction, other.stabilizationAction)
        && Objects.equals(coolDownSeconds, other.coolDownSeconds) && Objects.equals(metrics, other.metrics)
        && Objects.equals(external, other.external);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, stabilizationAction, coolDownSeconds, metrics, external);
  }
}
