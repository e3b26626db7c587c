package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Observed state of an IntelligentHorizontalPodAutoscaler. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntelligentHorizontalPodAutoscalerStatus(
    @JsonPropertyDescription("The portrait value before the current one; the starting point of a gray change.")
    HorizontalPortraitValue previousPortraitValue,

    @JsonPropertyDescription("The winning portrait value.")
    HorizontalPortraitValue currentPortraitValue,

    @JsonPropertyDescription("Progress of the current gray change.")
    GrayStatus gray,

    @JsonPropertyDescription("Conditions ScalingActive, ScalingLimited and GrayProgressing.")
    List<Condition> conditions) {
}
