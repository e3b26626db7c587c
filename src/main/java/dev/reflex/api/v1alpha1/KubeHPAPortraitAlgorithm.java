package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/**
 * Parameters of the KubeHPA algorithm: the Kubernetes HPA replica calculation, run every sync period. All fields are
 * optional with the HPA's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class KubeHPAPortraitAlgorithm {

  @Default("15s")
  @JsonPropertyDescription("Period between two calculations, a Go-style duration such as 15s.")
  private String syncPeriod;

  @Default("0.1")
  @JsonPropertyDescription("Tolerance band around a usage ratio of 1.0 within which nothing changes, a decimal held "
      + "in a string.")
  private String tolerance;

  @Default("5m")
  @JsonPropertyDescription("Period after a pod's start during which its CPU samples may be skipped, a duration.")
  private String cpuInitializationPeriod;

  @Default("30s")
  @JsonPropertyDescription("Period after a pod's start during which readiness flips are treated as start-up, a "
      + "duration.")
  private String initialReadinessDelay;

  /** Returns {@code syncPeriod}: period between two calculations, a Go-style duration such as 15s; null when unset. */
  public String getSyncPeriod() {
    return syncPeriod;
  }

  /** Sets {@code syncPeriod}: period between two calculations, a Go-style duration such as 15s. */
  public void setSyncPeriod(String syncPeriod) {
    this.syncPeriod = syncPeriod;
  }

  /**
   * Returns {@code tolerance}: tolerance band around a usage ratio of 1.0 within which nothing changes, a decimal held
   * in a string; null when unset.
   */
  public String getTolerance() {
    return tolerance;
  }

  /**
   * Sets {@code tolerance}: tolerance band around a usage ratio of 1.0 within which nothing changes, a decimal held in
   * a string.
   */
  public void setTolerance(String tolerance) {
    this.tolerance = tolerance;
  }

  /**
   * Returns {@code cpuInitializationPeriod}: period after a pod's start during which its CPU samples may be skipped, a
   * duration; null when unset.
   */
  public String getCpuInitializationPeriod() {
    return cpuInitializationPeriod;
  }

  /**
   * Sets {@code cpuInitializationPeriod}: period after a pod's start during which its CPU samples may be skipped, a
   * duration.
   */
  public void setCpuInitializationPeriod(String cpuInitializationPeriod) {
    this.cpuInitializationPeriod = cpuInitializationPeriod;
  }

  /**
   * Returns {@code initialReadinessDelay}: period after a pod's start during which readiness flips are treated as
   * start-up, a duration; null when unset.
   */
  public String getInitialReadinessDelay() {
    return initialReadinessDelay;
  }

  /**
   * Sets {@code initialReadinessDelay}: period after a pod's start during which readiness flips are treated as
   * start-up, a duration.
   */
  public void setInitialReadinessDelay(String initialReadinessDelay) {
    this.initialReadinessDelay = initialReadinessDelay;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    KubeHPAPortraitAlgorithm other = (KubeHPAPortraitAlgorithm) o;
    return Objects.equals(syncPeriod, other.syncPeriod) && Objects.equals(tolerance, other.tolerance)
        && Objects.equals(cpuInitializationPeriod, other.cpuInitializationPeriod)
        && Objects.equals(initialReadinessDelay, other.initialReadinessDelay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(syncPeriod, tolerance, cpuInitializationPeriod, initialReadinessDelay);
  }
}
