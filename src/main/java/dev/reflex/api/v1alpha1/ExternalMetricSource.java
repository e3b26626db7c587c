package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A metric not associated with any Kubernetes object, for example a queue length in a cloud service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalMetricSource(
    @Required
    @JsonPropertyDescription("The metric to read.")
    MetricIdentifier metric,

    @Required
    @JsonPropertyDescription("Target value of the metric: Value or AverageValue.")
    MetricTarget target) {
}
