package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Target value of a metric. The type is not an enum on purpose: predictive portraits use the placeholder NA for
 * metrics that only feed history queries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricTarget(
    @Required
    @JsonPropertyDescription("Target type: Utilization, Value or AverageValue (NA as a placeholder where no target is "
        + "needed).")
    String type,

    @JsonPropertyDescription("Target value of the metric as a quantity, for Value targets.")
    Quantity value,

    @JsonPropertyDescription("Target value of the metric averaged over the pods, for AverageValue targets.")
    Quantity averageValue,

    @JsonPropertyDescription("Target average resource utilization in percent of the pods' requests, for Utilization "
        + "targets.")
    Integer averageUtilization) {
}
