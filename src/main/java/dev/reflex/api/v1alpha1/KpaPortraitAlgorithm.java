package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/**
 * Reflex extension, not in Kapacity: parameters of the Knative Pod Autoscaler stable/panic algorithm for Reactive
 * portraits, named after Knative's autoscaler keys. The metric is metrics[0]. Decimals are held in strings as in
 * Knative's ConfigMap.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class KpaPortraitAlgorithm {

  @JsonPropertyDescription("Per-pod target value of metrics[0] (Knative target); when absent the target of "
      + "metrics[0] is used.")
  private String target;

  @Default("70")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Percentage of the target aimed at, leaving headroom (Knative "
      + "target-utilization-percentage).")
  private Integer targetUtilizationPercentage;

  @Default("60s")
  @JsonPropertyDescription("Averaging window of stable mode, a duration of whole seconds between 6s and 1h (Knative "
      + "stable-window).")
  private String stableWindow;

  @Default("10.0")
  @JsonPropertyDescription("Panic window as a percentage of the stable window, decimal in [1, 100] (Knative "
      + "panic-window-percentage).")
  private String panicWindowPercentage;

  @Default("200.0")
  @JsonPropertyDescription("Panic mode starts when the panic-window demand reaches this percentage of the ready "
      + "pods, decimal in [110, 1000] (Knative panic-threshold-percentage).")
  private String panicThresholdPercentage;

  @Default("1000.0")
  @JsonPropertyDescription("Largest factor by which one decision may multiply the ready pods, decimal above 1 "
      + "(Knative max-scale-up-rate).")
  private String maxScaleUpRate;

  @Default("2.0")
  @JsonPropertyDescription("Largest factor by which one decision may divide the ready pods, decimal above 1 (Knative"
      + " max-scale-down-rate).")
  private String maxScaleDownRate;

  @Default("0s")
  @JsonPropertyDescription("How long a lower recommendation must persist before it applies, a duration of whole "
      + "seconds up to 1h (Knative scale-down-delay).")
  private String scaleDownDelay;

  @Default("211")
  @JsonPropertyDescription("Spare capacity kept for bursts, in units of the metric; a decimal of at least 0, or -1 "
      + "for unlimited (Knative target-burst-capacity).")
  private String targetBurstCapacity;

  /**
   * Returns {@code target}: per-pod target value of metrics[0] (Knative target); when absent the target of metrics[0]
   * is used; null when unset.
   */
  public String getTarget() {
    return target;
  }

  /**
   * Sets {@code target}: per-pod target value of metrics[0] (Knative target); when absent the target of metrics[0] is
   * used.
   */
  public void setTarget(String target) {
    this.target = target;
  }

  /**
   * Returns {@code targetUtilizationPercentage}: percentage of the target aimed at, leaving headroom (Knative
   * target-utilization-percentage); null when unset.
   */
  public Integer getTargetUtilizationPercentage() {
    return targetUtilizationPercentage;
  }

  /**
   * Sets {@code targetUtilizationPercentage}: percentage of the target aimed at, leaving headroom (Knative
   * target-utilization-percentage).
   */
  public void setTargetUtilizationPercentage(Integer targetUtilizationPercentage) {
    this.targetUtilizationPercentage = targetUtilizationPercentage;
  }

  /**
   * Returns {@code stableWindow}: averaging window of stable mode, a duration of whole seconds between 6s and 1h
   * (Knative stable-window); null when unset.
   */
  public String getStableWindow() {
    return stableWindow;
  }

  /**
   * Sets {@code stableWindow}: averaging window of stable mode, a duration of whole seconds between 6s and 1h (Knative
   * stable-window).
   */
  public void setStableWindow(String stableWindow) {
    this.stableWindow = stableWindow;
  }

  /**
   * Returns {@code panicWindowPercentage}: panic window as a percentage of the stable window, decimal in [1, 100]
   * (Knative panic-window-percentage); null when unset.
   */
  public String getPanicWindowPercentage() {
    return panicWindowPercentage;
  }

  /**
   * Sets {@code panicWindowPercentage}: panic window as a percentage of the stable window, decimal in [1, 100]
   * (Knative panic-window-percentage).
   */
  public void setPanicWindowPercentage(String panicWindowPercentage) {
    this.panicWindowPercentage = panicWindowPercentage;
  }

  /**
   * Returns {@code panicThresholdPercentage}: panic mode starts when the panic-window demand reaches this percentage
   * of the ready pods, decimal in [110, 1000] (Knative panic-threshold-percentage); null when unset.
   */
  public String getPanicThresholdPercentage() {
    return panicThresholdPercentage;
  }

  /**
   * Sets {@code panicThresholdPercentage}: panic mode starts when the panic-window demand reaches this percentage of
   * the ready pods, decimal in [110, 1000] (Knative panic-threshold-percentage).
   */
  public void setPanicThresholdPercentage(String panicThresholdPercentage) {
    this.panicThresholdPercentage = panicThresholdPercentage;
  }

  /**
   * Returns {@code maxScaleUpRate}: largest factor by which one decision may multiply the ready pods, decimal above 1
   * (Knative max-scale-up-rate); null when unset.
   */
  public String getMaxScaleUpRate() {
    return maxScaleUpRate;
  }

  /**
   * Sets {@code maxScaleUpRate}: largest factor by which one decision may multiply the ready pods, decimal above 1
   * (Knative max-scale-up-rate).
   */
  public void setMaxScaleUpRate(String maxScaleUpRate) {
    this.maxScaleUpRate = maxScaleUpRate;
  }

  /**
   * Returns {@code maxScaleDownRate}: largest factor by which one decision may divide the ready pods, decimal above 1
   * (Knative max-scale-down-rate); null when unset.
   */
  public String getMaxScaleDownRate() {
    return maxScaleDownRate;
  }

  /**
   * Sets {@code maxScaleDownRate}: largest factor by which one decision may divide the ready pods, decimal above 1
   * (Knative max-scale-down-rate).
   */
  public void setMaxScaleDownRate(String maxScaleDownRate) {
    this.maxScaleDownRate = maxScaleDownRate;
  }

  /**
   * Returns {@code scaleDownDelay}: how long a lower recommendation must persist before it applies, a duration of
   * whole seconds up to 1h (Knative scale-down-delay); null when unset.
   */
  public String getScaleDownDelay() {
    return scaleDownDelay;
  }

  /**
   * Sets {@code scaleDownDelay}: how long a lower recommendation must persist before it applies, a duration of whole
   * seconds up to 1h (Knative scale-down-delay).
   */
  public void setScaleDownDelay(String scaleDownDelay) {
    this.scaleDownDelay = scaleDownDelay;
  }

  /**
   * Returns {@code targetBurstCapacity}: spare capacity kept for bursts, in units of the metric; a decimal of at least
   * 0, or -1 for unlimited (Knative target-burst-capacity); null when unset.
   */
  public String getTargetBurstCapacity() {
    return targetBurstCapacity;
  }

  /**
   * Sets {@code targetBurstCapacity}: spare capacity kept for bursts, in units of the metric; a decimal of at least 0,
   * or -1 for unlimited (Knative target-burst-capacity).
   */
  public void setTargetBurstCapacity(String targetBurstCapacity) {
    this.targetBurstCapacity = targetBurstCapacity;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    KpaPortraitAlgorithm other = (KpaPortraitAlgorithm) o;
    return Objects.equals(target, other.target)
        && Objects.equals(targetUtilizationPercentage, other.targetUtilizationPercentage)
        && Objects.equals(stableWindow, other.stableWindow)
        && Objects.equals(panicWindowPercentage, other.panicWindowPercentage)
        && Objects.equals(panicThresholdPercentage, other.panicThresholdPercentage)
        && Objects.equals(maxScaleUpRate, other.maxScaleUpRate)
        && Objects.equals(maxScaleDownRate, other.maxScaleDownRate)
        && Objects.equals(scaleDownDelay, other.scaleDownDelay)
        && Objects.equals(targetBurstCapacity, other.targetBurstCapacity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, targetUtilizationPercentage, stableWindow, panicWindowPercentage,
        panicThresholdPercentage, maxScaleUpRate, maxScaleDownRate, scaleDownDelay, targetBurstCapacity);
  }
}
