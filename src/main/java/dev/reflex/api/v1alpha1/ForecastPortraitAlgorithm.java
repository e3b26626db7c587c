package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * Reflex extension, not in Kapacity: parameters of the built-in forecaster for Predictive portraits. It follows the
 * predictive metric conventions (metrics[0] the resource target, metrics[1] the ready pods, the rest traffic) and
 * publishes a TimeSeries portrait without an external job.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForecastPortraitAlgorithm(
    @Default("168h")
    @JsonPropertyDescription("How much history the forecaster learns from, a duration covering at least two "
        + "seasonality periods.")
    String historyLength,

    @Default("24h")
    @JsonPropertyDescription("Length of one behaviour cycle of the traffic, a duration such as 24h.")
    String seasonalityPeriod,

    @Default("10m")
    @JsonPropertyDescription("Resolution of the published portrait: the forecast is resampled by maximum to this step,"
        + " a duration of at least 1m.")
    String scalingFreq,

    @Default("1h")
    @JsonPropertyDescription("How far ahead each refresh forecasts, a duration of at least one scalingFreq.")
    String forecastHorizon,

    // No CRD default: a default inside a portraitProviders item would make every re-apply of an existing
    // Forecast IHPA 'configured'; absent reads as 0s.
    @JsonPropertyDescription("How long before the forecast traffic its replicas are asked for, a duration below"
        + " forecastHorizon: the pods' time from creation to Ready or more, so that they serve when the traffic"
        + " arrives. Absent or 0s: at the traffic's own time.")
    String leadTime) {
}
