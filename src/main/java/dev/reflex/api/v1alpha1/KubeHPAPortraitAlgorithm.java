package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * Parameters of the KubeHPA algorithm: the Kubernetes HPA replica calculation, run every sync period. All fields are
 * optional with the HPA's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KubeHPAPortraitAlgorithm(
    @Default("15s")
    @JsonPropertyDescription("Period between two calculations, a Go-style duration such as 15s.")
    String syncPeriod,

    @Default("0.1")
    @JsonPropertyDescription("Tolerance band around a usage ratio of 1.0 within which nothing changes, a decimal held "
        + "in a string.")
    String tolerance,

    @Default("5m")
    @JsonPropertyDescription("Period after a pod's start during which its CPU samples may be skipped, a duration.")
    String cpuInitializationPeriod,

    @Default("30s")
    @JsonPropertyDescription("Period after a pod's start during which readiness flips are treated as start-up, a "
        + "duration.")
    String initialReadinessDelay) {
}
