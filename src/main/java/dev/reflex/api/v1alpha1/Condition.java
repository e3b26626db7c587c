package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * One observation of an aspect of an object's state, shaped like metav1.Condition so that kubectl and generic tools
 * read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Condition(
    @Required
    @JsonPropertyDescription("Type of the condition, for example ScalingActive.")
    String type,

    @Required
    @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
    ConditionStatus status,

    @Min(0)
    @JsonPropertyDescription("The metadata.generation the condition was set from.")
    Long observedGeneration,

    @Required
    @JsonPropertyDescription("Last time the status changed, RFC 3339.")
    String lastTransitionTime,

    @Required
    @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition.")
    String reason,

    @Required
    @JsonPropertyDescription("Human-readable message about the transition; may be empty.")
    String message) {
}
