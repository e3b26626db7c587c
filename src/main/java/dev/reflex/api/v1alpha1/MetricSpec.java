package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * One metric a portrait algorithm reads: the autoscaling/v2 MetricSpec plus an optional name and operator. Exactly the
 * member named by type is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricSpec(
    @JsonPropertyDescription("Optional name of the metric, unique within the list when set; predictive algorithms "
        + "identify traffic series by it.")
    String name,

    @Required
    @JsonPropertyDescription("Kind of metric source; selects which member below is read.")
    MetricSourceType type,

    @JsonPropertyDescription("Comparison operator, for stability checkers; not evaluated by the scaler.")
    MetricOperator operator,

    @JsonPropertyDescription("The resource metric, for type Resource.")
    ResourceMetricSource resource,

    @JsonPropertyDescription("The container resource metric, for type ContainerResource.")
    ContainerResourceMetricSource containerResource,

    @JsonPropertyDescription("The per-pod metric, for type Pods.")
    PodsMetricSource pods,

    @JsonPropertyDescription("The object metric, for type Object.")
    ObjectMetricSource object,

    @JsonPropertyDescription("The external metric, for type External.")
    ExternalMetricSource external) {
}
