package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A metric describing a single Kubernetes object, for example the requests per second of an Ingress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectMetricSource(
    @Required
    @JsonPropertyDescription("The object the metric describes.")
    CrossVersionObjectReference describedObject,

    @Required
    @JsonPropertyDescription("The metric to read.")
    MetricIdentifier metric,

    @Required
    @JsonPropertyDescription("Target value of the metric: Value or AverageValue.")
    MetricTarget target) {
}
