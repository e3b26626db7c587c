package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Reflex extension, not in Kapacity: parameters of the Knative Pod Autoscaler stable/panic algorithm for Reactive
 * portraits, named after Knative's autoscaler keys. The metric is metrics[0]. Decimals are held in strings as in
 * Knative's ConfigMap.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KpaPortraitAlgorithm(
    @JsonPropertyDescription("Per-pod target value of metrics[0] (Knative target); when absent the target of "
        + "metrics[0] is used.")
    String target,

    @Default("70")
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Percentage of the target aimed at, leaving headroom (Knative "
        + "target-utilization-percentage).")
    Integer targetUtilizationPercentage,

    @Default("60s")
    @JsonPropertyDescription("Averaging window of stable mode, a duration of whole seconds between 6s and 1h (Knative "
        + "stable-window).")
    String stableWindow,

    @Default("10.0")
    @JsonPropertyDescription("Panic window as a percentage of the stable window, decimal in [1, 100] (Knative "
        + "panic-window-percentage).")
    String panicWindowPercentage,

    @Default("200.0")
    @JsonPropertyDescription("Panic mode starts when the panic-window demand reaches this percentage of the ready "
        + "pods, decimal in [110, 1000] (Knative panic-threshold-percentage).")
    String panicThresholdPercentage,

    @Default("1000.0")
    @JsonPropertyDescription("Largest factor by which one decision may multiply the ready pods, decimal above 1 "
        + "(Knative max-scale-up-rate).")
    String maxScaleUpRate,

    @Default("2.0")
    @JsonPropertyDescription("Largest factor by which one decision may divide the ready pods, decimal above 1 (Knative"
        + " max-scale-down-rate).")
    String maxScaleDownRate,

    @Default("0s")
    @JsonPropertyDescription("How long a lower recommendation must persist before it applies, a duration of whole "
        + "seconds up to 1h (Knative scale-down-delay).")
    String scaleDownDelay,

    @Default("211")
    @JsonPropertyDescription("Spare capacity kept for bursts, in units of the metric; a decimal of at least 0, or -1 "
        + "for unlimited (Knative target-burst-capacity).")
    String targetBurstCapacity) {
}
