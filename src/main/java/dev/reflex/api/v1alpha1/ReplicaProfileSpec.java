package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Desired pod counts per state for a workload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicaProfileSpec(
    @Required
    @JsonPropertyDescription("The workload whose pods are controlled.")
    CrossVersionObjectReference scaleTargetRef,

    @Min(0)
    @JsonPropertyDescription("Desired pods serving traffic.")
    Integer onlineReplicas,

    @Min(0)
    @JsonPropertyDescription("Desired pods kept running without traffic.")
    Integer cutoffReplicas,

    @Min(0)
    @JsonPropertyDescription("Desired pods kept in standby.")
    Integer standbyReplicas,

    @JsonPropertyDescription("Stops all replica control.")
    Boolean paused,

    @Default("Both")
    @JsonPropertyDescription("Directions in which the online count may change.")
    AllowedScalingDirection allowedScalingDirection,

    @JsonPropertyDescription("How pods are picked and traffic controlled.")
    ReplicaProfileBehavior behavior) {
}
