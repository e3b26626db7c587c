package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.Map;
import java.util.Objects;

/**
 * The algorithm that generates a portrait. The type is a string, not an enum, as in Kapacity: KubeHPA and KPA (Reflex
 * extension) for Reactive portraits, ExternalJob and Forecast (Reflex extension) for Predictive ones; external
 * generators may use their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PortraitAlgorithm {

  @Required
  @JsonPropertyDescription("Algorithm type: KubeHPA, KPA, ExternalJob or Forecast.")
  private String type;

  @JsonPropertyDescription("Parameters of the KubeHPA algorithm.")
  private KubeHPAPortraitAlgorithm kubeHPA;

  @JsonPropertyDescription("Parameters of the KPA algorithm (Reflex extension).")
  private KpaPortraitAlgorithm kpa;

  @JsonPropertyDescription("Parameters of the ExternalJob algorithm.")
  private ExternalJobPortraitAlgorithm externalJob;

  @JsonPropertyDescription("Parameters of the built-in forecaster (Reflex extension).")
  private ForecastPortraitAlgorithm forecast;

  @PreserveUnknownFields
  @SchemaFrom(type = Object.class)
  @JsonPropertyDescription("Free-form configuration for external portrait generators.")
  private Map<String, Object> config;

  /** Returns {@code type}: algorithm type: KubeHPA, KPA, ExternalJob or Forecast; null when unset. */
  public String getType() {
    return type;
  }

  /** Sets {@code type}: algorithm type: KubeHPA, KPA, ExternalJob or Forecast. */
  public void setType(String type) {
    this.type = type;
  }

  /** Returns {@code kubeHPA}: parameters of the KubeHPA algorithm; null when unset. */
  public KubeHPAPortraitAlgorithm getKubeHPA() {
    return kubeHPA;
  }

  /** Sets {@code kubeHPA}: parameters of the KubeHPA algorithm. */
  public void setKubeHPA(KubeHPAPortraitAlgorithm kubeHPA) {
    this.kubeHPA = kubeHPA;
  }

  /** Returns {@code kpa}: parameters of the KPA algorithm (Reflex extension); null when unset. */
  public KpaPortraitAlgorithm getKpa() {
    return kpa;
  }

  /** Sets {@code kpa}: parameters of the KPA algorithm (Reflex extension). */
  public void setKpa(KpaPortraitAlgorithm kpa) {
    this.kpa = kpa;
  }

  /** Returns {@code externalJob}: parameters of the ExternalJob algorithm; null when unset. */
  public ExternalJobPortraitAlgorithm getExternalJob() {
    return externalJob;
  }

  /** Sets {@code externalJob}: parameters of the ExternalJob algorithm. */
  public void setExternalJob(ExternalJobPortraitAlgorithm externalJob) {
    this.externalJob = externalJob;
  }

  /** Returns {@code forecast}: parameters of the built-in forecaster (Reflex extension); null when unset. */
  public ForecastPortraitAlgorithm getForecast() {
    return forecast;
  }

  /** Sets {@code forecast}: parameters of the built-in forecaster (Reflex extension). */
  public void setForecast(ForecastPortraitAlgorithm forecast) {
    this.forecast = forecast;
  }

  /** Returns {@code config}: free-form configuration for external portrait generators; null when unset. */
  public Map<String, Object> getConfig() {
    return config;
  }

  /** Sets {@code config}: free-form configuration for external portrait generators. */
  public void setConfig(Map<String, Object> config) {
    this.config = config;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PortraitAlgorithm other = (PortraitAlgorithm) o;
    return Objects.equals(type, other.type) && Objects.equals(kubeHPA, other.kubeHPA)
        && Objects.equals(kpa, other.kpa) && Objects.equals(externalJob, other.externalJob)
        && Objects.equals(forecast, other.forecast) && Objects.equals(config, other.config);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, kubeHPA, kpa, externalJob, forecast, config);
  }
}
