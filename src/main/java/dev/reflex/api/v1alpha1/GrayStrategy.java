package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** How a change of replicas is applied in stages (gray change). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrayStrategy(
    @Required
    @JsonPropertyDescription("State of the pods in the gray stage; for scale-up only Online is meaningful.")
    GrayState grayState,

    @Required
    @Min(1)
    @JsonPropertyDescription("Seconds between two gray steps.")
    Integer changeIntervalSeconds,

    @Required
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Percentage of the total change applied per step, cumulative.")
    Integer changePercent,

    @Min(0)
    @JsonPropertyDescription("Extra seconds of observation after reaching 100 percent before the gray pods are "
        + "released.")
    Integer observationSeconds) {
}
