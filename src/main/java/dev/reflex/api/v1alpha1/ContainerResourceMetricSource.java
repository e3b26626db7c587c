package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A resource metric of one named container in each pod of the scale target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerResourceMetricSource(
    @Required
    @JsonPropertyDescription("Name of the resource: cpu or memory.")
    String name,

    @Required
    @JsonPropertyDescription("Name of the container in the pods of the scale target.")
    String container,

    @Required
    @JsonPropertyDescription("Target value of the resource metric.")
    MetricTarget target) {
}
