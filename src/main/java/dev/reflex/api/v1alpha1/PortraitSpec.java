package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

/**
 * What a dynamic portrait is and how it is generated; shared by the Dynamic portrait provider of an IHPA and the
 * HorizontalPortrait it creates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class PortraitSpec {

  @Required
  @JsonPropertyDescription("Type of the portrait: Reactive or Predictive (Burst is reserved).")
  private String portraitType;

  @JsonPropertyDescription("When set, the built-in generators leave this portrait to the named external generator.")
  private String externalGeneratorName;

  @JsonPropertyDescription("Metrics the algorithm reads, in the order its conventions require.")
  private List<MetricSpec> metrics;

  @Required
  @JsonPropertyDescription("The algorithm that generates the portrait.")
  private PortraitAlgorithm algorithm;

  /**
   * Returns {@code portraitType}: type of the portrait: Reactive or Predictive (Burst is reserved); null when unset.
   */
  public String getPortraitType() {
    return portraitType;
  }

  /** Sets {@code portraitType}: type of the portrait: Reactive or Predictive (Burst is reserved). */
  public void setPortraitType(String portraitType) {
    this.portraitType = portraitType;
  }

  /**
   * Returns {@code externalGeneratorName}: when set, the built-in generators leave this portrait to the named external
   * generator; null when unset.
   */
  public String getExternalGeneratorName() {
    return externalGeneratorName;
  }

  /**
   * Sets {@code externalGeneratorName}: when set, the built-in generators leave this portrait to the named external
   * generator.
   */
  public void setExternalGeneratorName(String externalGeneratorName) {
    this.externalGeneratorName = externalGeneratorName;
  }

  /** Returns {@code metrics}: metrics the algorithm reads, in the order its conventions require; null when unset. */
  public List<MetricSpec> getMetrics() {
    return metrics;
  }

  /** Sets {@code metrics}: metrics the algorithm reads, in the order its conventions require. */
  public void setMetrics(List<MetricSpec> metrics) {
    this.metrics = metrics;
  }

  /** Returns {@code algorithm}: the algorithm that generates the portrait; null when unset. */
  public PortraitAlgorithm getAlgorithm() {
    return algorithm;
  }

  /** Sets {@code algorithm}: the algorithm that generates the portrait. */
  public void setAlgorithm(PortraitAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PortraitSpec other = (PortraitSpec) o;
    return Objects.equals(portraitType, other.portraitType)
        && Objects.equals(externalGeneratorName, other.externalGeneratorName)
        && Objects.equals(metrics, other.metrics) && Objects.equals(algorithm, other.algorithm);
  }

  @Override
  public int hashCode() {
    return Objects.hash(portraitType, externalGeneratorName, metrics, algorithm);
  }
}
