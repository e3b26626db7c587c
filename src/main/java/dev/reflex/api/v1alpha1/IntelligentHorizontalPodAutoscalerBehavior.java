package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Scaling behaviour of an IHPA. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntelligentHorizontalPodAutoscalerBehavior(
    @JsonPropertyDescription("Behaviour when scaling up.")
    ScalingBehavior scaleUp,

    @JsonPropertyDescription("Behaviour when scaling down.")
    ScalingBehavior scaleDown,

    @JsonPropertyDescription("Behaviour copied into the ReplicaProfile; absent means the default sorter and "
        + "readiness-gate traffic control.")
    ReplicaProfileBehavior replicaProfile) {
}
