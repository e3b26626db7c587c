package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;

/** Names a metric and optionally narrows it by labels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricIdentifier(
    @Required
    @JsonPropertyDescription("Name of the metric.")
    String name,

    @JsonPropertyDescription("Label selector narrowing the metric series; absent means the metric name alone.")
    LabelSelector selector) {
}
