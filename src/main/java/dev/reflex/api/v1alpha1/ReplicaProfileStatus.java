package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import java.util.List;

/** Observed pod counts per state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicaProfileStatus(
    @Min(0)
    @JsonPropertyDescription("Running pods in state Online.")
    Integer onlineReplicas,

    @Min(0)
    @JsonPropertyDescription("Running pods in state Cutoff.")
    Integer cutoffReplicas,

    @Min(0)
    @JsonPropertyDescription("Running pods in state Standby.")
    Integer standbyReplicas,

    @JsonPropertyDescription("Conditions Applied and Ensured.")
    List<Condition> conditions) {
}
