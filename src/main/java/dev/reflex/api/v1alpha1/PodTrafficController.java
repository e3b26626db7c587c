package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How traffic is switched on and off for pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PodTrafficController(
    @Default("ReadinessGate")
    @JsonPropertyDescription("Kind of traffic controller.")
    PodTrafficControllerType type,

    @JsonPropertyDescription("The external controller, for type External.")
    ExternalComponent external) {
}
