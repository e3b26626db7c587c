package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * Declared for API compatibility: checks a change for risk and pauses or rolls it back. Not implemented by the scaler.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StabilityChecker(
    @Required
    @JsonPropertyDescription("Kind of checker.")
    StabilityCheckerType type,

    @Required
    @JsonPropertyDescription("What to do on a risk.")
    StabilizationAction stabilizationAction,

    @Min(0)
    @JsonPropertyDescription("Seconds to wait after an action.")
    Integer coolDownSeconds,

    @JsonPropertyDescription("The metrics checker, for type Metrics.")
    MetricsStabilityChecker metrics,

    @JsonPropertyDescription("The external checker, for type External.")
    ExternalComponent external) {
}
