package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A resource metric (cpu or memory) of the scale target's pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceMetricSource(
    @Required
    @JsonPropertyDescription("Name of the resource: cpu or memory.")
    String name,

    @Required
    @JsonPropertyDescription("Target value of the resource metric.")
    MetricTarget target) {
}
