package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A metric describing each pod of the scale target, averaged over the pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PodsMetricSource(
    @Required
    @JsonPropertyDescription("The metric to read.")
    MetricIdentifier metric,

    @Required
    @JsonPropertyDescription("Target value of the metric; only AverageValue is meaningful.")
    MetricTarget target) {
}
