package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** Desired behaviour of an IntelligentHorizontalPodAutoscaler. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntelligentHorizontalPodAutoscalerSpec(
    @Required
    @JsonPropertyDescription("The workload to scale.")
    CrossVersionObjectReference scaleTargetRef,

    @JsonPropertyDescription("Pauses autoscaling: the ReplicaProfile is paused and nothing is scaled.")
    Boolean paused,

    @Required
    @Min(0)
    @JsonPropertyDescription("Lower bound of the online replicas; 0 allows scale to zero.")
    Integer minReplicas,

    @Required
    @Min(0)
    @JsonPropertyDescription("Upper bound of the online replicas; not less than minReplicas.")
    Integer maxReplicas,

    @Default("Auto")
    @JsonPropertyDescription("Auto scales the workload; Preview only computes and reports.")
    ScaleMode scaleMode,

    @Required
    @JsonPropertyDescription("Sources of desired replica counts, merged by priority.")
    List<HorizontalPortraitProvider> portraitProviders,

    @JsonPropertyDescription("Scaling behaviour.")
    IntelligentHorizontalPodAutoscalerBehavior behavior,

    @JsonPropertyDescription("Declared for API compatibility; not implemented.")
    List<StabilityChecker> stabilityCheckers) {
}
